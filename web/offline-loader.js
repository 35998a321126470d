/*
 * The search index read from disk. Opened from file:// (the offline edition: `make offline`,
 * atlas/offline.py) a page may not fetch() the files beside it, but it may run scripts from
 * there. The offline edition writes every index file search/<path> a second time, as the script
 * search/<path>.js, which stores the file's JSON under window.AtlasOfflineIndex[<path>]; this
 * loader adds that script when the search first needs the file and hands its data to the
 * Site (atlas-search.js), so the index is still read lazily, file by file, as over HTTP.
 * search-ui.js loads this file only when the page's address starts with file:.
 */
(function () {
  "use strict";

  /** @type {Object<string, Promise<unknown>>} */
  var loading = {};   // path -> promise: two queries needing one file add one script

  /**
   * The parsed JSON of search/<path> (the same value fetch(...).json() gives over HTTP).
   * @param {URL | string} root  the site root
   * @param {string} path
   * @returns {Promise<unknown>}
   */
  function load(root, path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("search/" + path + ".js", root).href;
        script.onload = function () {
          var stored = window.AtlasOfflineIndex || {};
          var data = stored[path];
          delete stored[path];   // the Site keeps what it needs; no second copy on window
          script.remove();
          if (data === undefined) reject(new Error("search index file " + path + ".js holds no " + path));
          else resolve(data);
        };
        script.onerror = function () {
          script.remove();
          reject(new Error("search index file " + path + ".js: cannot load (not an offline edition?)"));
        };
        document.head.appendChild(script);
      });
      var forget = function () { delete loading[path]; };
      loading[path].then(forget, forget);
    }
    return loading[path];
  }

  window.AtlasOfflineLoader = { load: load };
})();
