/**
 * Where the reading settings are remembered on this device (zustand persist's key). A module of
 * its own: the article imports only this, and the settings' code loads lazily.
 */
export const READING_SETTINGS_KEY = 'readproof:reading-settings';
