/** This library's version (kept equal to package.json's by a test). */
// @ts-nocheck

export const VERSION = '0.2.0';
export const LIBRARY_NAME = 'engagement-forecast';
