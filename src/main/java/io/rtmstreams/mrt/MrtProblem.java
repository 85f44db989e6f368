package io.rtmstreams.mrt;

/** Something in a file that could not be read as it should: where (the record's offset in the decompressed file)
 * and what. The reader goes on after every problem. */
public record MrtProblem(long offset, String message) {

    @Override
    public String toString() {
        return "offset " + offset + ": " + message;
    }
}
