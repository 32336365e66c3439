package org.trilink.offices.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.trilink.offices.entity.Staff;

/** Finds staff accounts. */
@ApplicationScoped
public class StaffDirectory {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    public Optional<Staff> byUsername(String username) {
        return em.createQuery("select s from Staff s where s.username = :u", Staff.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }

    /** Every staff account, by office then name (the district admin's list). */
    public List<Staff> all() {
        return em.createQuery("select s from Staff s order by s.officeCode, s.username", Staff.class).getResultList();
    }
}
