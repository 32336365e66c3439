package org.trilink.offices.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.OfficeType;
import org.trilink.offices.entity.Region;

/** Reads the district's regions and offices. */
@ApplicationScoped
public class OfficeCatalog {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    public List<Region> regions() {
        return em.createQuery("select r from Region r order by r.code", Region.class).getResultList();
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Region.class, code));
    }

    public List<Office> offices(OfficeType type, String regionCode) {
        return em.createQuery("select o from Office o where (:type is null or o.type = :type)"
                        + " and (:region is null or o.regionCode = :region) order by o.code", Office.class)
                .setParameter("type", type)
                .setParameter("region", regionCode)
                .getResultList();
    }

    public Optional<Office> office(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Office.class, code));
    }
}
