package org.trilink.platform.camel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultThreadPoolFactory;

/**
 * Camel's pools with the container's threads: a thread from a ManagedThreadFactory carries the
 * application's naming and class-loading context, so JTA and JPA work in routes.
 */
class ManagedThreadPools extends DefaultThreadPoolFactory {

    private final ThreadFactory managed;

    ManagedThreadPools(ThreadFactory managed) {
        this.managed = managed;
    }

    @Override
    public ExecutorService newCachedThreadPool(ThreadFactory ignored) {
        return super.newCachedThreadPool(managed);
    }

    @Override
    public ExecutorService newThreadPool(ThreadPoolProfile profile, ThreadFactory ignored) {
        return super.newThreadPool(profile, managed);
    }

    @Override
    public ExecutorService newThreadPool(int corePoolSize, int maxPoolSize, long keepAliveTime, TimeUnit timeUnit,
                                         int maxQueueSize, boolean allowCoreThreadTimeOut,
                                         RejectedExecutionHandler rejectedExecutionHandler, ThreadFactory ignored) {
        return super.newThreadPool(corePoolSize, maxPoolSize, keepAliveTime, timeUnit, maxQueueSize,
                allowCoreThreadTimeOut, rejectedExecutionHandler, managed);
    }

    @Override
    public ScheduledExecutorService newScheduledThreadPool(ThreadPoolProfile profile, ThreadFactory ignored) {
        return super.newScheduledThreadPool(profile, managed);
    }
}
