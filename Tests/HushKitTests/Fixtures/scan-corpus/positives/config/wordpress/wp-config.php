<?php
define( 'DB_PASSWORD', 'tango0708' );
define( 'AUTH_KEY', 'W7Ev.JwKd1%RC-j@wdO.)vx#3g4jYtIOQG5l0%9mCHTxz)L}V3;?M^vN7ugP=P2w' );
define( 'SECURE_AUTH_KEY', '4@IdNL9IHX{q#t5OaFro@-Zn6OqJ3oc?2sJ25bG[M!kzqVHfN/kItnY{RKuNIHWT' );
define( 'LOGGED_IN_KEY', '~9bD{ADvgd*Ulnj*F.V@ulJr|JFwChFPyMf&U>]]ivF<JF.Z9P_nq*fvD[[|DPur' );
define( 'NONCE_KEY', 'wD_yr[!So6mRxZoEj)geR(G9Y3jKobID0SZtDk)nsN6w!!mSTZ,h2gFlgxL:K[,_' );
define( 'AUTH_SALT', '-h8b@X:=b7JA^s}xBDS*B|il08!JeGac_ygXyRWE4H5MlB1gB~Zcy3r~DA-p^ElC' );
define( 'NONCE_SALT', '&C{cW9Fz=S&n&|*5()PyV5[:9ZPl~PD%9jFp?Fq7]H_T%9wX}5JD)JntKBIJ>B>9' );
