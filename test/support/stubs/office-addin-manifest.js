// office-addin-mock 4 requires office-addin-manifest, whose ESM dependency jest (Node 20) cannot load.
// The mock only needs the OfficeApp enum from it.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
