export const SERVICE_NAME = 'inventory';
