package dev.waagent.domain.llm;

public enum ChatRole {
    SYSTEM, USER, ASSISTANT, TOOL
}
