export const config = {
  mapsApiKey: 'AIzaj1l0Fhv3xIh4jcVjWo2ZUUGp0j9OE-X_Nsf',
  gitlabToken: 'glpat-M0JpS7GH80w8N-Iv4z3C',
  shopifyAdminToken: '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',
};
