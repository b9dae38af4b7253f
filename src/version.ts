/** This library's version (kept equal to package.json's by a test). */
export const VERSION = '0.3.0';
export const LIBRARY_NAME = 'engagement-forecast';
