<?php
define( 'DB_PASSWORD', 'Zephyr51#' );
define( 'AUTH_KEY', 'Kd1%RC-j@wdO.)vx#3g4jYtIOQG5l0%9mCHTxz)L}V3;?M^vN7ugP=P2w4@IdNL9' );
define( 'SECURE_AUTH_KEY', 'IHX{q#t5OaFro@-Zn6OqJ3oc?2sJ25bG[M!kzqVHfN/kItnY{RKuNIHWT~9bD{AD' );
define( 'LOGGED_IN_KEY', 'vgd*Ulnj*F.V@ulJr|JFwChFPyMf&U>]]ivF<JF.Z9P_nq*fvD[[|DPurwD_yr[!' );
define( 'NONCE_KEY', 'So6mRxZoEj)geR(G9Y3jKobID0SZtDk)nsN6w!!mSTZ,h2gFlgxL:K[,_-h8b@X:' );
define( 'AUTH_SALT', '=b7JA^s}xBDS*B|il08!JeGac_ygXyRWE4H5MlB1gB~Zcy3r~DA-p^ElC&C{cW9F' );
define( 'NONCE_SALT', 'z=S&n&|*5()PyV5[:9ZPl~PD%9jFp?Fq7]H_T%9wX}5JD)JntKBIJ>B>94(F)WaJ' );
