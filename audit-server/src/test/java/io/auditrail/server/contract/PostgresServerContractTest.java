package io.auditrail.server.contract;

import io.auditrail.server.support.TestServer;
import java.util.Map;

/** The contract on PostgreSQL (embedded, or the server named by AUDITRAIL_TEST_POSTGRES_URL). */
class PostgresServerContractTest extends AbstractServerContractTest {

    @Override
    Map<String, String> database() {
        return TestServer.postgres();
    }
}
