package io.auditrail.spring.capture;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.Audited;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shapes of a typical Spring Data service: void and entity-returning saves, deletes. */
@Service
public class ClinicService {

    private final OwnerRepository owners;
    private final PetRepository pets;

    ClinicService(OwnerRepository owners, PetRepository pets) {
        this.owners = owners;
        this.pets = pets;
    }

    @Audited(action = "owner.saved", resourceId = "#owner.id", resourceName = "#owner.name")
    @Transactional
    public void saveOwner(Owner owner) {
        owners.save(owner);
    }

    @Audited(action = "owner.deleted", resourceId = "#owner.id")
    @Transactional
    public void deleteOwner(Owner owner) {
        owners.delete(owner);
    }

    @Audited(action = "pet.saved", resourceId = "#pet.id", metadata = {
            @AuditMetadata(key = "previous_name", expression = "#pet.name", beforeCall = true),
            @AuditMetadata(key = "name", expression = "#pet.name")})
    @Transactional
    public Pet savePet(Pet pet, String name) {
        pet.setName(name);
        return pets.save(pet);
    }

    @Audited(action = "pet.deleted", resourceId = "#pet.id")
    @Transactional
    public void deletePet(Pet pet) {
        pets.delete(pet);
    }

    /** A typo-free expression that is null at run time: the pet has no id, nothing saves it. */
    @Audited(action = "pet.checked", resourceId = "#pet.id")
    public void check(Pet pet) {
    }

    /** An expression that throws at run time: the owner is missing. */
    @Audited(action = "pet.adopted", resourceId = "#pet.name", metadata = @AuditMetadata(key = "owner",
            expression = "#pet.owner.name"))
    public void adopt(Pet pet) {
    }
}
