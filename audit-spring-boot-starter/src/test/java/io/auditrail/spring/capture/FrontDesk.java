package io.auditrail.spring.capture;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** An outer transaction that undoes an audited save after it succeeded. */
@Service
public class FrontDesk {

    private final ClinicService clinic;

    FrontDesk(ClinicService clinic) {
        this.clinic = clinic;
    }

    @Transactional
    public void registerThenRefuse(Owner owner) {
        clinic.saveOwner(owner);
        throw new IllegalStateException("owner refused at the desk");
    }

    @Transactional
    public void registerThenCancel(Owner owner) {
        clinic.saveOwner(owner);
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    }
}
