import { FileRef } from '../../../common/schemas/files.js';
import type { App } from '../http/types.js';
import { SIGNED_IN } from '../http/access.js';
import { invalid } from '../errors.js';
import { MAX_FILE_BYTES } from './files.service.js';
import { uploadingWrite } from './files.write.js';
import { FM } from './files.messages.js';

export async function filesRoutes(app: App) {
  const db = app.deps.database.db;
  const dataDir = app.deps.config.dataDir;

  app.post(
    '/api/v1/files',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['files'],
        summary: '上传文件（图片、PDF、Word、Excel，≤ 10 MB；由随后的提交认领，24 小时未认领即删除）',
        consumes: ['multipart/form-data'],
        response: { 201: FileRef },
      },
    },
    async (req, reply) => {
      const part = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
      // The first file part is read; one under another name is not the upload this route takes.
      if (!part || part.fieldname !== 'file') throw invalid('file', FM['files.missing']);
      const data = await part.toBuffer();
      return uploadingWrite(db, dataDir, req, reply, 201, (_call, store) => store({ filename: part.filename, data }));
    },
  );
}
