/**
 * `rubric import wordpress EXPORT.xml`: stream the WXR file, read its items, prepare the
 * bodies (blocks, shortcodes, paragraphs), fetch images if asked, then the plan, write and
 * report steps the Blogger import uses. With images.ts and write.ts, the only part of the
 * WordPress import that touches the disk.
 */
import path from 'node:path';
import { readConfig } from '../../config/config.js';
import { buildError } from '../../errors.js';
import type { SkippedEntry } from '../entries.js';
import { downloadImages, type ImageResult } from '../images.js';
import {
  imageDirProblem,
  type ImportFailure,
  type ImportOptions,
  type ImportSuccess,
} from '../import.js';
import { createBodyConverter } from '../markdown.js';
import { planAndWrite, readSiteYaml } from '../plan-and-write.js';
import type { ImportedBlog, ImportedComment } from '../source.js';
import { readXmlFile, XmlReadError, type XmlDocument } from '../xml.js';
import { oldAddresses } from './addresses.js';
import { prepareBody } from './body.js';
import { commentsOfItem, postOfItem, type WordPressPost } from './entries.js';
import type { Attachment } from './shortcodes.js';
import { detectWxr, readChannel, readItem, type WxrItem, type WxrNamespaces } from './wxr.js';

/** Runs a WordPress import. Never throws for a bad export; I/O failures of the machine do. */
export async function importWordPress(
  options: ImportOptions,
): Promise<ImportFailure | ImportSuccess> {
  const fail = (message: string, hint: string, line = 0, column = 0): ImportFailure => ({
    ok: false,
    error: buildError('ImportFailed', { file: options.exportFile, line, column }, message, hint),
  });
  const dirProblem = imageDirProblem(options);
  if (dirProblem !== null) return fail(...dirProblem);
  const hint = 'Give the file WordPress exported (Tools → Export → All content), a .xml file.';
  let doc: XmlDocument;
  try {
    doc = await readXmlFile(
      options.exportFile,
      (element, parent) => element.name === 'item' && parent.name === 'channel',
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      return fail(`The export cannot be read (${code}).`, hint);
    }
    if (error instanceof XmlReadError) {
      return fail(
        `The export is not well-formed XML: ${error.message}.`,
        'Export again from WordPress; a file cut short by a failed download ends like this.',
        error.line,
        error.column,
      );
    }
    throw error;
  }
  const ns = detectWxr(doc);
  if ('problem' in ns) return fail(ns.problem, hint, 1, 1);

  const { blog, notes } = readBlog(doc, ns);
  const siteYaml = await readSiteYaml(options.root);
  const converter = createBodyConverter();
  let images: ImageResult | null = null;
  if (options.downloadImages !== null && options.dryRun !== true) {
    const urls = blog.posts.flatMap((post) => [
      ...converter.imageUrls(post.html),
      ...(post.image ? [post.image] : []),
    ]);
    const full = urls.map(fullSizeUrl);
    const fetched = await downloadImages(full, {
      dir: options.downloadImages,
      staticDir: path.join(options.root, 'static'),
      basePath: readConfig(siteYaml).config.basePath,
    });
    // Every size of an upload leads to the one full-size copy.
    const sources = new Map(fetched.sources);
    for (const url of urls) {
      const local = fetched.sources.get(fullSizeUrl(url));
      if (local !== undefined) sources.set(url, local);
    }
    images = { ...fetched, sources };
  }
  const withImages: ImportedBlog = {
    ...blog,
    posts: blog.posts.map((post) =>
      post.image ? { ...post, image: images?.sources.get(post.image) ?? post.image } : post,
    ),
  };
  return planAndWrite(withImages, converter, {
    ...options,
    format: 'wordpress',
    siteYaml,
    images,
    notes,
  });
}

/**
 * `photo-300x200.jpg` in `wp-content/uploads` → `photo.jpg`: WordPress makes the sizes
 * from the uploaded file, which is the one worth keeping.
 */
export function fullSizeUrl(url: string): string {
  if (!url.includes('/wp-content/uploads/')) return url;
  return url.replace(/-\d+x\d+(\.[a-z0-9]+)(?=$|[?#])/i, '$1');
}

/** Every item read: posts with prepared bodies, comments, attachments, what was skipped. */
function readBlog(doc: XmlDocument, ns: WxrNamespaces): { blog: ImportedBlog; notes: string[] } {
  const channel = readChannel(doc, ns);
  const items = doc.entries.map((entry) => readItem(entry, ns));
  const attachments = attachmentsOf(items);
  const skipped: SkippedEntry[] = [];
  const posts: WordPressPost[] = [];
  const comments: ImportedComment[] = [];
  const notes: string[] = [];
  for (const item of items) {
    const post = postOfItem(item, channel);
    if ('skipped' in post) {
      skipped.push(post.skipped);
      continue;
    }
    const body = prepareBody(post.html, { postId: post.id, attachments });
    for (const shortcode of body.unknown) {
      notes.push(
        `kept the shortcode [${shortcode.name}] as written in "${post.title}" (export line ${post.contentLine + shortcode.line - 1}): Rubric does not know what it showed.`,
      );
    }
    const image = post.thumbnailId === null ? undefined : attachments.get(post.thumbnailId)?.url;
    posts.push({ ...post, html: body.html, image: image ?? null });
    comments.push(...commentsOfItem(item, ns, skipped));
  }
  const privateCount = posts.filter((p) => p.wordpressStatus === 'private').length;
  if (privateCount > 0) notes.push(`${privateCount} private post(s) imported as drafts.`);
  const blog: ImportedBlog = {
    source: { key: 'wordpress', name: 'WordPress' },
    title: channel.title,
    timezone: null,
    blogUrl: channel.link,
    posts,
    comments,
    skipped,
    settings: ({ urls, config }) => ({ redirects: oldAddresses(posts, channel, urls, config) }),
  };
  return { blog, notes };
}

function attachmentsOf(items: readonly WxrItem[]): Map<string, Attachment> {
  const attachments = new Map<string, Attachment>();
  for (const item of items) {
    if (item.type !== 'attachment' || item.attachmentUrl === null) continue;
    attachments.set(item.id, {
      url: item.attachmentUrl,
      title: item.title,
      alt: item.meta.get('_wp_attachment_image_alt') ?? '',
      parent: item.parent,
    });
  }
  return attachments;
}
