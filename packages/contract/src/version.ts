/** The version of the Perron packages (all four share it); a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
