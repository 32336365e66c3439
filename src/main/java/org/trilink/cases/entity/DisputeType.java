package org.trilink.cases.entity;

/** The 15 dispute types of the local monthly people's-mediation reports; codes are stable. */
public enum DisputeType {
    MARRIAGE_FAMILY, NEIGHBOR, HOUSING_HOMESTEAD, CONTRACT, BUSINESS, DAMAGES, LAND_FOREST, REQUISITION_DEMOLITION, ENVIRONMENT, LABOR, CONSUMER, MEDICAL, TRAFFIC, PROPERTY_MANAGEMENT, OTHER
}
