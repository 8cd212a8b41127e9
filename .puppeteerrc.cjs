// @memlab/core depends on puppeteer, which would download a browser at install. The memory view
// reads heap snapshots only and never starts a browser: no download, ever.
module.exports = { skipDownload: true };
