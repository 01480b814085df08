package uk.ombudsman.analytics.cli;

import java.util.List;
import uk.ombudsman.analytics.base.ExitCode;

/** A command that says which exit codes it can return: its help lists them, with ExitCode's meanings. */
interface Returns {
    List<ExitCode> exitCodes();
}
