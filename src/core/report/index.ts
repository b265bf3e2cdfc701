/** Formatters shared by the command line and the summary panel. Pure: no I/O. */
export * from './common';
export * from './json';
export * from './markdown';
export * from './sarif';
export * from './text';
