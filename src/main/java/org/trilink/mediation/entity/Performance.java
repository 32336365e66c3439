package org.trilink.mediation.entity;

/** Whether the agreement is being performed (履行情况: 已履行 / 部分履行 / 未履行). */
public enum Performance {
    PERFORMED, PARTLY, NOT_PERFORMED
}
