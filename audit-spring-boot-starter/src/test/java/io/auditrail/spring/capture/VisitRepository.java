package io.auditrail.spring.capture;

import io.auditrail.annotations.Audited;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A plain JdbcClient repository whose create learns the id from a KeyHolder. */
@Repository
public class VisitRepository {

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Audited(action = "visit.saved", resourceId = "#visit.id")
    @Transactional
    public void save(Visit visit) {
        if (visit.getId() == null) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into capture_visit (description) values (:description)")
                    .param("description", visit.getDescription()).update(keys, "id");
            visit.setId(keys.getKeyAs(Number.class).longValue());
        } else {
            jdbc.sql("update capture_visit set description = :description where id = :id")
                    .param("description", visit.getDescription()).param("id", visit.getId()).update();
        }
    }

    @Audited(action = "visit.deleted", resourceId = "#visit.id")
    @Transactional
    public void delete(Visit visit) {
        jdbc.sql("delete from capture_visit where id = :id").param("id", visit.getId()).update();
    }
}
