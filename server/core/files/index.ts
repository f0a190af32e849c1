/**
 * What modules use of core/files. A module's write claims uploads with claimFiles; its own
 * authorised route serves one with sendFile after checking the file is the record's. A route
 * that takes the bytes itself stores them through uploadingWrite; a seed or testkit that holds its
 * own transaction calls upload (and leaves no bytes behind only because it does not roll back).
 */
export { claimFiles, upload, filesOf, fileOf, ownersWithFiles, releaseFiles, sendFile, MAX_FILE_BYTES, type Accepts, type FileRef } from './files.service.js';
export { uploadingWrite, type Store } from './files.write.js';
export { FILE_TYPES, IMAGE_AND_PDF, DOCX, XLSX, extensionOf, type FileType } from './bytes.js';
