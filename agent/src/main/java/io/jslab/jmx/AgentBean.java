package io.jslab.jmx;

import java.util.Map;

/** The {@link AgentMXBean}: a thin adapter over the agent's {@link AgentView}. */
final class AgentBean implements AgentMXBean {

    static final Descriptions DESCRIPTIONS = new Descriptions("Agent", Map.of());

    private final AgentView agent;

    private AgentBean(AgentView agent) {
        this.agent = agent;
    }

    static DescribedMXBean<AgentMXBean> of(AgentView agent) {
        return new DescribedMXBean<>(new AgentBean(agent), AgentMXBean.class, DESCRIPTIONS, null);
    }

    @Override
    public String getVersion() {
        return agent.version();
    }

    @Override
    public String getOptions() {
        return agent.options();
    }

    @Override
    public int getInstrumentedClasses() {
        return agent.instrumentedClasses().size();
    }

    @Override
    public String[] getInstrumentedClassNames() {
        return agent.instrumentedClasses().toArray(new String[0]);
    }

    @Override
    public long getErrors() {
        return agent.errors();
    }

    @Override
    public String getLastError() {
        return agent.lastError();
    }

    @Override
    public long getCpuTimeMillis() {
        return agent.ownCost().cpuTimeMillis();
    }

    @Override
    public long getRecordHeapBytes() {
        return agent.ownCost().recordHeapBytes();
    }

    @Override
    public long getArenaMappedBytes() {
        return agent.ownCost().arenaMappedBytes();
    }

    @Override
    public double getWatchedPerSecond() {
        return agent.ownCost().watchedPerSecond();
    }

    @Override
    public long getWatchBudget() {
        return agent.ownCost().watchBudget();
    }
}
