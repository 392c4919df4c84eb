package io.jslab.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a process id argument; anything but a positive whole number is a usage error. */
final class Pid implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        try {
            long pid = Long.parseLong(value);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted form
        }
        throw new TypeConversionException("'" + value + "' is not a process id (a positive whole number)");
    }
}
