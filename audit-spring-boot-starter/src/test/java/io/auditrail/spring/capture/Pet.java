package io.auditrail.spring.capture;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Id from a sequence: Hibernate defers the insert to the flush at commit. */
@Entity
@Table(name = "capture_pet")
public class Pet {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "capture_pet_ids")
    @SequenceGenerator(name = "capture_pet_ids", sequenceName = "capture_pet_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    protected Pet() {
    }

    public Pet(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Always missing, for the tests of values that cannot be resolved. */
    public Owner getOwner() {
        return null;
    }
}
