<?php
$pg = pg_connect("host=db.internal port=5432 dbname=shop user=shop password=vyDWEWiais1Nsj");
ldap_bind($ds, 'cn=admin,dc=example,dc=org', 'Sirocco0412');
