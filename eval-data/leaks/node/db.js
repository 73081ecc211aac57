const { Pool } = require('pg');
const mongoose = require('mongoose');

const pool = new Pool({
  host: 'localhost',
  user: 'shop',
  password: 'shop2024',
  database: 'shop',
});

mongoose.connect('mongodb+srv://shop:p40uMGBXLR!aO4@cluster0.x7k2p.mongodb.net/shop');

module.exports = { pool };
