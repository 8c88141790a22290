/**
 * The files of a new site (`rubric new site`): settings with every key explained, a first
 * post, and what a repository needs to build in CI and deploy to GitHub Pages. Pure: the
 * caller writes them.
 */

/** What a new site is made from. */
export interface ScaffoldInput {
  readonly title: string;
  readonly timezone: string;
  /** The first post's date, `2026-12-01T09:30`, in `timezone`. */
  readonly date: string;
  /** The Rubric version to depend on. */
  readonly version: string;
}

/** Site-relative path → contents. */
export function scaffoldFiles(input: ScaffoldInput): Record<string, string> {
  return {
    'site.yaml': siteYaml(input),
    [`posts/${input.date.slice(0, 10)}-hello-world.md`]: firstPost(input),
    '.gitignore': 'node_modules/\ndist/\n.cache/\n',
    'package.json': packageJson(input),
    '.github/workflows/pages.yml': PAGES_WORKFLOW,
  };
}

function siteYaml({ title, timezone }: ScaffoldInput): string {
  return `# The settings of this blog. Every key is optional; the commented ones show their default.
# An unknown key is an error that names the closest valid one.

# The blog's name.
title: ${JSON.stringify(title)}
# A line under the title, and the pages' meta description.
description: ""
# Where the blog lives (change it to yours): https://example.org/blog/. Its path prefixes every link.
# With a host, Rubric also writes feeds and a sitemap. \`rubric build --base-url URL\`
# overrides it for one build (the GitHub Pages workflow does so).
baseUrl: https://example.org/
# A language tag (en, fr, de-CH): <html lang> and how dates are written.
language: en
# An IANA zone: how dates without an offset are read, and how all dates are shown.
timezone: ${timezone}
# The byline of posts without \`author\`.
author: ""
# Posts per page on the home page and on label pages.
# postsPerPage: 10
# A post's URL, from :year, :month, :day and :slug.
# permalink: /:year/:month/:slug/
# Label name → slug, for slugs set by hand.
# labelSlugs:
#   Foreign policy: foreign-policy
# true also redirects Blogger's label searches and feeds (set by \`rubric import blogger\`).
# bloggerRedirects: false
# Old path → new site path, for addresses of an earlier site.
# redirects:
#   /about.html: /about/
# What feed entries carry: full or summary.
# feedContent: full
# How many of the newest posts each feed holds (1 to 1000).
# feedLimit: 20
# How /labels/ shows labels: list or cloud.
# labelIndex: list
# How many related posts a post page lists; 0 for none.
# relatedPosts: 5
# Broken internal links and images: warn, error (fail the build, for CI) or off.
# linkCheck: warn
# The theme's fixed phrases, to replace any of them.
# words:
#   olderPosts: Older posts
# A theme under the site's own templates: a folder (./themes/paper) or an npm package.
# theme: rubric-theme-paper
`;
}

function firstPost({ date }: ScaffoldInput): string {
  return `---
title: Hello, world
date: ${date}
labels: [Meta]
summary: The first post of this blog.
---
This is the first post. Write the next one with \`npx rubric new post "Its title"\`, or by
hand: any Markdown file in \`posts/\` with a title and a date.

<!-- more -->

Preview the blog with \`npm run dev\`, and build it with \`npm run build\`. Pushed to
GitHub, the workflow in \`.github/workflows/pages.yml\` builds it and publishes it on
GitHub Pages (turn Pages on under Settings → Pages → Source: GitHub Actions).
`;
}

function packageJson({ title, version }: ScaffoldInput): string {
  const name = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const json = {
    name: name === '' ? 'blog' : name,
    private: true,
    type: 'module',
    scripts: { build: 'rubric build', dev: 'rubric dev' },
    dependencies: { rubric: `^${version}` },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * Builds on every push to main with the parse cache kept between runs (restored from the
 * last run's, saved under this commit's key), and deploys with GitHub's own Pages actions.
 * The base URL comes from Pages itself, so a project site under /REPO/ links right.
 */
const PAGES_WORKFLOW = `name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Check out
        uses: actions/checkout@v4
      - name: Set up Node
        uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install
        run: npm install --no-audit --no-fund
      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5
      - name: Restore the build cache
        uses: actions/cache@v4
        with:
          path: .cache/rubric
          key: rubric-\${{ runner.os }}-\${{ hashFiles('package-lock.json') }}-\${{ github.sha }}
          restore-keys: |
            rubric-\${{ runner.os }}-\${{ hashFiles('package-lock.json') }}-
            rubric-\${{ runner.os }}-
      - name: Build
        run: npx rubric build --base-url "\${{ steps.pages.outputs.base_url }}/"
      - name: Upload
        uses: actions/upload-pages-artifact@v3
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy
        id: deployment
        uses: actions/deploy-pages@v4
`;
