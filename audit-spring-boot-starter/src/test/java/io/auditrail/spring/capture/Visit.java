package io.auditrail.spring.capture;

/** A row written with plain JDBC; the database assigns the id. */
public class Visit {

    private Long id;
    private String description;

    public Visit(String description) {
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    void setId(Long id) {
        this.id = id;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
