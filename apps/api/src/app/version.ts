/** The product version, shown by /api/health and the start banner; kept in step with package.json by the release. */
export const APP_VERSION = '0.1.0';
