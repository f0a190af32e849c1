export async function seedHonoursDemo(): Promise<void> {}
