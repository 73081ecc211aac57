const { Client, GatewayIntentBits } = require('discord.js');
const axios = require('axios');

const client = new Client({ intents: [GatewayIntentBits.Guilds] });
const LOG_WEBHOOK = 'https://discord.com/api/webhooks/4967379371273625948/fiksjiA-SDer3X_Me7ggXIAA53z_3y6j5QmbtyBZLzXSHlciTvDXu_hRSDqdnVtHDrQ4';

client.on('ready', () => {
  axios.post(LOG_WEBHOOK, { content: `logged in as ${client.user.tag}` });
});

client.login('NTQ3MTYwNTA0OTIwNTA3MTU1OQ.YSzgkF.roZphHN_rxge_aV_oofq3kauK_H_VtuBp1zIPW');
