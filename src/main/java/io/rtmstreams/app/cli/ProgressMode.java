package io.rtmstreams.app.cli;

/** When long-running work draws a progress bar. */
enum ProgressMode {
    /** When reading a file and a person watches the terminal (not in pipelines, containers or CI logs). */
    AUTO("auto"),
    ALWAYS("always"),
    NEVER("never");

    private final String cliName;

    ProgressMode(String cliName) {
        this.cliName = cliName;
    }

    boolean shows(boolean readingFile, boolean interactive) {
        return this == ALWAYS || this == AUTO && readingFile && interactive;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
