package io.rtmstreams.contract.schema;

import com.networknt.schema.Error;

/**
 * One validation error as a line a person can read: where in the document, and what is wrong. A failed
 * {@code pattern} names the definition it belongs to instead of quoting the regular expression, which for addresses
 * and keys runs to hundreds of characters.
 */
final class ErrorText {

    private ErrorText() {
    }

    static String of(Error e) {
        String where = e.getInstanceLocation().toString();
        if ("pattern".equals(e.getKeyword())) {
            return where + ": " + e.getInstanceNode() + " does not match " + definition(e);
        }
        if ("false".equals(e.getKeyword())) {
            return where + ": must be absent here (" + definition(e) + ")";
        }
        return where + ": " + withoutLocation(e.getMessage(), where);
    }

    /** The schema a failed keyword belongs to, relative to the schema folder: {@code common.schema.json#/$defs/x}. */
    private static String definition(Error e) {
        String loc = e.getSchemaLocation().toString();
        if (loc.startsWith(ContractSchemas.BASE_IRI)) {
            loc = loc.substring(ContractSchemas.BASE_IRI.length());
        }
        String suffix = "/" + e.getKeyword();
        return loc.endsWith(suffix) ? loc.substring(0, loc.length() - suffix.length()) : loc;
    }

    private static String withoutLocation(String message, String where) {
        String prefix = where + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
