// config.js (corpus: fake values)
const dbPassword = "oporto4785";
  password: 'Pampa5087*',
if (userPass === 'Cobalt82?') { grant(); }
let adminPwd = `V.?-.,ez4`;
