package io.auditrail.server.contract;

import io.auditrail.server.support.TestServer;
import java.util.Map;

/** The contract on H2, the server's default database. */
class H2ServerContractTest extends AbstractServerContractTest {

    @Override
    Map<String, String> database() {
        return TestServer.h2();
    }
}
