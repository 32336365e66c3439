package org.trilink.cases.entity;

import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;

/**
 * For entities that name their case by a plain {@code case_id} column (a foreign key to
 * dispute_case) instead of a mapped relationship: EclipseLink orders the statements of a flush
 * along mapped relationships only, so without this a new case's first event or participation
 * could reach the database before the case row itself. With it, a case and everything written
 * with it go out in one flush (at commit), without a flush after the case alone.
 */
public class WrittenAfterItsCase implements DescriptorCustomizer {

    @Override
    public void customize(ClassDescriptor descriptor) {
        descriptor.addConstraintDependency(DisputeCase.class);
    }
}
