package dev.waagent.backoffice;

/** An import file had bad rows: nothing was written, the report says which rows and why. */
public class ImportRejectedException extends InvalidInputException {

    private final transient ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super(report.errors());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
