export async function seedNoticesDemo(): Promise<void> {}
