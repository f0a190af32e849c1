/**
 * Phone cameras take 3–10 MB pictures; the server takes at most 5 MB, and a school's
 * network is slow. Large pictures are scaled to 1600 px and re-encoded as JPEG in the
 * browser; if the browser cannot decode the file, it is sent as it is and the server judges.
 */
const MAX_SIDE = 1600;
const SMALL_ENOUGH = 1.5 * 1024 * 1024;

export async function shrinkImage(file: File): Promise<Blob> {
  if (file.size <= SMALL_ENOUGH) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ?? file;
  } catch {
    return file;
  }
}
