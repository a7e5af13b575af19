package com.spaceduck.identity.agents;

import java.util.List;

public record AgentListResponse(List<AgentResponse> agents) {}
