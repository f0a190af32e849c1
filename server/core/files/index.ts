/**
 * What modules use of core/files. A module's write claims uploads with claimFiles; its own
 * authorised route serves one with sendFile after checking the file is the record's.
 */
export { claimFiles, filesOf, fileOf, sendFile, MAX_FILE_BYTES, type FileRef } from './files.service.js';
export { FILE_TYPES, IMAGE_AND_PDF, DOCX, XLSX, type FileType } from './bytes.js';
