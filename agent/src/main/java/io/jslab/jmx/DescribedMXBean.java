package io.jslab.jmx;

import javax.management.AttributeList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.StandardMBean;

/**
 * An MXBean (open types only) that tells JConsole what it is: a description on the MBean, on each
 * attribute and on each operation, and the operations' impact. Reads of several attributes at
 * once share one statistics snapshot when there is one ({@code null}: none).
 */
final class DescribedMXBean<T> extends StandardMBean {

    private final Descriptions descriptions;
    private final Snapshot<?> snapshot;

    DescribedMXBean(T implementation, Class<T> mxbeanInterface, Descriptions descriptions,
                    Snapshot<?> snapshot) {
        super(implementation, mxbeanInterface, true);
        this.descriptions = descriptions;
        this.snapshot = snapshot;
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        return snapshot == null ? super.getAttributes(attributes)
                : snapshot.during(() -> super.getAttributes(attributes));
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return descriptions.bean();
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return descriptions.of(info.getName());
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return descriptions.of(info.getName() + "()");
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        return descriptions.impactOf(info.getName());
    }
}
