package io.rtmstreams.iphlp;

/** Where the cost model and GetBestRoute2 find a router's interface rows: the writer's table or a reader's copies. */
interface InterfaceSource {

    /** The router's rows and index slots; a reader must not change what it gets. */
    RouterInterfaces router(String router);
}
