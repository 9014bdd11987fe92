package dev.waagent.backoffice;

/** The two file formats imports accept (chosen by the request's Content-Type). */
public enum ImportFormat {
    JSON, CSV
}
