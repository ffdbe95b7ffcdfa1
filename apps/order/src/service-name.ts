export const SERVICE_NAME = 'order';
