SECRET_KEY = '28c9l)nei+=pomu=-!=$(kuaq4@=5ifb+l+!*e!_q$ndg2y0pa'
DATABASES = {'default': {
    'PASSWORD': 'Falcon80*',
}}
