"""Demo courses for seed_demo: accurate Spanish content on Open Government.

Open Government in Guatemala, for INFOM's e-learning platform: one diploma and
two staff trainings, with quizzes and a final exam. Plain data only; no imports.
Module counts in the texts are placeholders filled by `cursos.demo.with_counts`.

Sources used (stored copies of public pages, consulted for verification):
- Constitución Política de la República de Guatemala (1985): arts. 30-31 (FIO
  report on Guatemala, 2015; text of art. 31 as quoted by thelawyermagazine.com)
  and arts. 253-259 (edilex.com.gt summary of the "Régimen Municipal" chapter).
- Ley de Acceso a la Información Pública, Decreto 57-2008: art. 18 (text
  published by the Procurador de los Derechos Humanos, pdh.org.gt); art. 30 and
  31 (transcription on oiprodat.com); art. 10, opening paragraph (public
  transparency-portal source code); arts. 33, 41, 42, 43 and 54-60 as described
  by the Secretaría de Bienestar Social's LAIP page (laip.sbs.gob.gt).
- Código Municipal, Decreto 12-2002, and Decreto 22-2010 (comparative text on
  scribd: arts. 2 and 3; structure of the Code as summarized in a UMG student paper).
- Ley de los Consejos de Desarrollo Urbano y Rural, Decreto 11-2002: arts. 11,
  13 and 14 and the considerandos (scribd/consultorestema.com transcriptions).
- INFOM, "¿Quiénes somos?" (infom.gob.gt): Decreto 1132, 4 February 1957,
  autonomous entity, UNEPAR (Acuerdo Gubernativo 635-97); objective of the
  Organic Law as quoted by ojoconmipisto.com.
- Guatemala joined the Open Government Partnership in 2011 (J. López-Bachiller,
  CLAD 2015).
- Ministerio de Finanzas Públicas, Portal de Transparencia Presupuestaria,
  section "Gobiernos Locales" (transparenciapresupuestaria.minfin.gob.gt).

Legal references marked "is_paraphrase": True are faithful summaries, not
literal text. Article numbers that could not be verified are not cited.
"""

DIPLOMA = {
    "title": "Diplomado Gestión Municipal y Transparencia",
    "slug": "diplomado-gestion-municipal-transparencia",
    "kind": "diplomado",
    "audience": "municipal",
    "hours": 40,
    "summary": (
        "Diplomado para funcionarios municipales sobre Gobierno Abierto, acceso a la "
        "información pública, Código Municipal, participación ciudadana y finanzas "
        "municipales, con el acompañamiento del INFOM."
    ),
    "description": (
        "<p>El <b>Diplomado Gestión Municipal y Transparencia</b> ofrece a "
        "funcionarias y funcionarios municipales las bases legales y prácticas para "
        "una gestión abierta, cercana a la población y apegada a la ley.</p><p>Está "
        "organizado en {modulos} módulos: {modulos_tematicos} temáticos, cada uno "
        "con tres lecciones breves y una evaluación, y un último módulo con el "
        "examen final, que integra todos los temas.</p><ul><li>Módulo 1: Gobierno "
        "Abierto.</li><li>Módulo 2: Ley de Acceso a la Información Pública "
        "(Decreto 57-2008).</li><li>Módulo 3: Código Municipal (Decreto 12-2002 y "
        "sus reformas).</li><li>Módulo 4: Participación ciudadana y Consejos de "
        "Desarrollo (Decreto 11-2002).</li><li>Módulo 5: Finanzas municipales y el "
        "papel del INFOM.</li><li>Módulo {modulos_n}: Examen final.</li></ul><p>Las "
        "lecciones son livianas, pensadas para conexiones lentas, y pueden leerse en "
        "10 a 20 minutos. <i>Duración total estimada: 40 horas, incluidas lecturas, "
        "ejercicios en su municipalidad y evaluaciones.</i></p>"
    ),
    "objectives": [
        "Explicar los principios del Gobierno Abierto y su aplicación en el municipio.",
        (
            "Aplicar las obligaciones de la Ley de Acceso a la Información Pública: "
            "información de oficio, atención de solicitudes, plazos y protección de "
            "datos personales."
        ),
        (
            "Identificar la organización del gobierno y la administración municipal "
            "según la Constitución y el Código Municipal."
        ),
        (
            "Promover la participación ciudadana por medio del COMUDE, los COCODE y "
            "las consultas a los vecinos."
        ),
        (
            "Comprender las fuentes de ingresos municipales, la publicidad del "
            "presupuesto y el apoyo que brinda el INFOM."
        ),
    ],
    "modules": [
        {
            "title": "Módulo 1. Gobierno Abierto: principios y compromisos",
            "slug": "modulo-1-gobierno-abierto",
            "summary": (
                "Qué es el Gobierno Abierto, cuáles son sus principios, qué es la "
                "Alianza para el Gobierno Abierto y qué significa todo esto para una "
                "municipalidad."
            ),
            "lessons": [
                {
                    "title": "¿Qué es el Gobierno Abierto?",
                    "slug": "que-es-el-gobierno-abierto",
                    "minutes": 15,
                    "body": [
                        ("heading", "Una forma de gobernar con la gente"),
                        (
                            "paragraph",
                            (
                                "<p>El <b>Gobierno Abierto</b> es una forma de "
                                "gestionar lo público en la que las autoridades "
                                "informan lo que hacen, escuchan a la población, "
                                "explican sus decisiones y usan herramientas sencillas "
                                "para facilitar todo lo anterior. No es una oficina ni "
                                "un programa aislado: es una manera de trabajar que "
                                "toca a todas las dependencias de una "
                                "institución.</p><p>Para una municipalidad, Gobierno "
                                "Abierto significa que los vecinos pueden saber en qué "
                                "se usa el dinero público, opinar sobre las obras de "
                                "su comunidad y pedir cuentas a sus autoridades, sin "
                                "trámites complicados.</p>"
                            ),
                        ),
                        ("heading", "Los cuatro principios"),
                        (
                            "paragraph",
                            (
                                "<p>Los principios de Gobierno Abierto que promueve la "
                                "Alianza para el Gobierno Abierto son cuatro. Conviene "
                                "aprenderlos juntos, porque se refuerzan entre sí:</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Principios del Gobierno Abierto y ejemplos "
                                    "municipales"
                                ),
                                "header": [
                                    "Principio",
                                    "Qué significa",
                                    "Ejemplo en la municipalidad",
                                ],
                                "rows": [
                                    [
                                        "Transparencia",
                                        (
                                            "La información pública está disponible, "
                                            "completa, actualizada y fácil de entender."
                                        ),
                                        (
                                            "Publicar el presupuesto aprobado y su "
                                            "ejecución en el portal y en la cartelera "
                                            "del edificio municipal."
                                        ),
                                    ],
                                    [
                                        "Participación ciudadana",
                                        (
                                            "La población puede opinar e influir en "
                                            "las decisiones que la afectan."
                                        ),
                                        (
                                            "Priorizar obras junto con el COMUDE y los "
                                            "COCODE."
                                        ),
                                    ],
                                    [
                                        "Rendición de cuentas",
                                        (
                                            "Las autoridades explican y justifican lo "
                                            "que hicieron y responden por sus "
                                            "resultados."
                                        ),
                                        (
                                            "Presentar un informe público de avances "
                                            "de obras y gastos, con espacio para "
                                            "preguntas."
                                        ),
                                    ],
                                    [
                                        "Tecnología e innovación",
                                        (
                                            "Se usan herramientas, digitales o no, que "
                                            "facilitan el acceso y la colaboración."
                                        ),
                                        (
                                            "Recibir solicitudes de información por "
                                            "correo electrónico y también en "
                                            "ventanilla."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La <b>transparencia</b> sin participación se queda "
                                "en publicar documentos que nadie usa. La "
                                "<b>participación</b> sin información es difícil, "
                                "porque la gente no sabe sobre qué opinar. La "
                                "<b>rendición de cuentas</b> necesita de las dos "
                                "anteriores. Y la <b>tecnología</b> es un medio, no un "
                                "fin: en un municipio con poca conectividad, una "
                                "cartelera actualizada o un anuncio radial pueden ser "
                                "más útiles que una página web.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "nota",
                                "text": (
                                    "<p>El Gobierno Abierto tiene base en la ley "
                                    "guatemalteca. La Constitución Política de la "
                                    "República establece que los actos de la "
                                    "administración son públicos (artículo 30) y "
                                    "reconoce el derecho de toda persona a conocer lo "
                                    "que de ella conste en registros estatales "
                                    "(artículo 31). La Ley de Acceso a la Información "
                                    "Pública (Decreto 57-2008) desarrolla esos "
                                    "derechos. Estos temas se estudian en el Módulo "
                                    "2.</p>"
                                ),
                            },
                        ),
                        ("heading", "Lo que el Gobierno Abierto no es"),
                        (
                            "paragraph",
                            (
                                "<ul><li>No es solo tener una página web.</li><li>No "
                                "es publicidad de las obras de la autoridad de "
                                "turno.</li><li>No es una obligación que se cumple una "
                                "vez al año: es un trabajo permanente.</li><li>No "
                                "sustituye a las autoridades electas: las decisiones "
                                "siguen siendo del Concejo Municipal, pero se toman "
                                "con información y escuchando a la población.</li></ul>"
                            ),
                        ),
                    ],
                },
                {
                    "title": "La Alianza para el Gobierno Abierto y Guatemala",
                    "slug": "alianza-para-el-gobierno-abierto",
                    "minutes": 15,
                    "body": [
                        ("heading", "Una iniciativa internacional"),
                        (
                            "paragraph",
                            (
                                "<p>La <b>Alianza para el Gobierno Abierto</b> "
                                "(conocida por sus siglas en inglés, OGP, de <i>Open "
                                "Government Partnership</i>) es una iniciativa "
                                "internacional lanzada en 2011. En ella participan "
                                "gobiernos y organizaciones de la sociedad civil que "
                                "se comprometen a promover la transparencia, la "
                                "participación ciudadana, la rendición de cuentas y el "
                                "uso de la tecnología y la innovación para mejorar la "
                                "gestión pública.</p><p>Para formar parte de la "
                                "Alianza, un país respalda una declaración de "
                                "principios y se compromete a elaborar <b>planes de "
                                "acción nacionales</b> junto con la sociedad civil. "
                                "Cada plan contiene compromisos concretos, con "
                                "responsables y plazos, que luego se evalúan.</p>"
                            ),
                        ),
                        ("heading", "Guatemala en la Alianza"),
                        (
                            "paragraph",
                            (
                                "<p>Guatemala se incorporó a la Alianza para el "
                                "Gobierno Abierto en 2011. Desde entonces ha elaborado "
                                "varios planes de acción nacionales, con compromisos "
                                "que han involucrado a distintas instituciones del "
                                "Estado. Los planes se construyen en mesas de trabajo "
                                "entre instituciones públicas y organizaciones "
                                "sociales, y se revisan al finalizar su "
                                "período.</p><p>Si usted quiere conocer los "
                                "compromisos vigentes, consulte el plan de acción más "
                                "reciente en los sitios oficiales del Gobierno de "
                                "Guatemala o de la Alianza. Allí encontrará qué "
                                "institución es responsable de cada compromiso y en "
                                "qué estado se encuentra.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "importante",
                                "text": (
                                    "<p>En este curso no citamos cifras, fechas ni "
                                    "números de planes de acción que no hayamos podido "
                                    "verificar. Antes de mencionar un compromiso "
                                    "concreto en un documento oficial, confirme el "
                                    "dato en la fuente original.</p>"
                                ),
                            },
                        ),
                        ("heading", "¿Y los gobiernos locales?"),
                        (
                            "paragraph",
                            (
                                "<p>Aunque los planes de acción nacionales son "
                                "compromisos del país, muchos de sus temas se viven en "
                                "el municipio: el acceso a la información, la "
                                "participación en la planificación, la publicación de "
                                "compras y obras. La Alianza también ha abierto "
                                "espacios para que gobiernos locales asuman sus "
                                "propios compromisos de Gobierno Abierto.</p>"
                            ),
                        ),
                        (
                            "faq",
                            [
                                {
                                    "question": (
                                        "¿Los compromisos de la Alianza son una ley?"
                                    ),
                                    "answer": (
                                        "<p>No. Los planes de acción son compromisos "
                                        "políticos y técnicos del país. Las "
                                        "obligaciones legales de las municipalidades "
                                        "están en las leyes, como la Ley de Acceso a "
                                        "la Información Pública y el Código Municipal. "
                                        "Los planes ayudan a cumplirlas mejor y a ir "
                                        "más allá.</p>"
                                    ),
                                },
                                {
                                    "question": (
                                        "¿Quién participa en la elaboración de un plan "
                                        "de acción?"
                                    ),
                                    "answer": (
                                        "<p>Instituciones públicas y organizaciones de "
                                        "la sociedad civil trabajan juntas para "
                                        "proponer, discutir y dar seguimiento a los "
                                        "compromisos. Esa forma de trabajo se llama "
                                        "<i>cocreación</i>.</p>"
                                    ),
                                },
                                {
                                    "question": (
                                        "¿Mi municipalidad puede aplicar Gobierno "
                                        "Abierto sin estar en un plan de acción?"
                                    ),
                                    "answer": (
                                        "<p>Sí. Cualquier municipalidad puede aplicar "
                                        "los principios de Gobierno Abierto en su "
                                        "gestión diaria. Los módulos siguientes le "
                                        "muestran cómo hacerlo con las leyes que ya "
                                        "están vigentes.</p>"
                                    ),
                                },
                            ],
                        ),
                    ],
                },
                {
                    "title": (
                        "Gobierno Abierto en el municipio y la estrategia del INFOM"
                    ),
                    "slug": "gobierno-abierto-municipal-y-estrategia-infom",
                    "minutes": 15,
                    "body": [
                        ("heading", "¿Qué significa para una municipalidad?"),
                        (
                            "paragraph",
                            (
                                "<p>El municipio es el gobierno más cercano a la "
                                "población. El Código Municipal lo define como la "
                                "unidad básica de la organización territorial del "
                                "Estado y el espacio inmediato de participación "
                                "ciudadana en los asuntos públicos. Por eso, el "
                                "Gobierno Abierto se nota más en lo local: en el agua, "
                                "en los caminos, en el mercado, en la recolección de "
                                "basura.</p><p>En la práctica, una municipalidad "
                                "abierta:</p><ol><li>Publica y mantiene actualizada la "
                                "información pública de oficio que exige la "
                                "ley.</li><li>Tiene una Unidad de Información Pública "
                                "que atiende solicitudes a tiempo.</li><li>Planifica y "
                                "prioriza obras con el Consejo Municipal de Desarrollo "
                                "(COMUDE) y los Consejos Comunitarios de Desarrollo "
                                "(COCODE).</li><li>Rinde cuentas de su presupuesto y "
                                "de sus obras, en lenguaje sencillo y, cuando "
                                "corresponde, en los idiomas de la "
                                "comunidad.</li><li>Usa los medios que la población "
                                "realmente tiene a su alcance: radio, cartelera, "
                                "reuniones comunitarias, teléfono o internet.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "ejemplo",
                                "text": (
                                    "<p>Una municipalidad rural con poca conectividad "
                                    "decide publicar cada mes, en la cartelera del "
                                    "edificio municipal y en un programa de la radio "
                                    "comunitaria, el avance de las obras y el monto "
                                    "ejecutado. Además, el informe queda disponible en "
                                    "la Unidad de Información Pública para quien "
                                    "quiera una copia. Es un ejemplo de transparencia "
                                    "adaptada a la realidad local.</p>"
                                ),
                            },
                        ),
                        ("heading", "La estrategia de Gobierno Abierto del INFOM"),
                        (
                            "paragraph",
                            (
                                "<p>El Instituto de Fomento Municipal (INFOM) acompaña "
                                "a las municipalidades en la aplicación de los "
                                "principios de Gobierno Abierto. Su estrategia se "
                                "organiza en tres líneas de trabajo que se "
                                "complementan:</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Líneas de trabajo de la estrategia del INFOM"
                                ),
                                "header": ["Línea de trabajo", "En qué consiste"],
                                "rows": [
                                    [
                                        "Diagnóstico",
                                        (
                                            "Conocer junto con cada municipalidad cómo "
                                            "está en transparencia, acceso a la "
                                            "información, participación y rendición de "
                                            "cuentas, para identificar fortalezas y "
                                            "brechas."
                                        ),
                                    ],
                                    [
                                        "Construcción de instrumentos",
                                        (
                                            "Elaborar guías, formatos, procedimientos "
                                            "y herramientas prácticas que las "
                                            "municipalidades puedan usar en su trabajo "
                                            "diario."
                                        ),
                                    ],
                                    [
                                        "Transferencia de capacidades",
                                        (
                                            "Capacitar y acompañar al personal "
                                            "municipal para que pueda aplicar los "
                                            "instrumentos por sí mismo, como en este "
                                            "diplomado."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>El INFOM respeta la <b>autonomía municipal</b> que "
                                "garantiza la Constitución: acompaña, asesora y "
                                "capacita, pero las decisiones corresponden a las "
                                "autoridades municipales electas.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "nota",
                                "text": (
                                    "<p>Al terminar este diplomado usted podrá "
                                    "identificar qué obligaciones de transparencia y "
                                    "participación tiene su municipalidad, y qué pasos "
                                    "concretos puede dar para cumplirlas mejor.</p>"
                                ),
                            },
                        ),
                    ],
                },
            ],
            "quiz": {
                "title": "Evaluación del módulo 1",
                "slug": "evaluacion-modulo-1",
                "instructions": (
                    "Responda las preguntas sobre los principios de Gobierno Abierto, "
                    "la Alianza para el Gobierno Abierto y la estrategia del INFOM. "
                    "Lea con atención: algunas preguntas tienen más de una respuesta "
                    "correcta."
                ),
                "questions": [
                    {
                        "type": "multiple",
                        "prompt": (
                            "¿Cuáles de los siguientes son principios del Gobierno "
                            "Abierto?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Los principios que promueve la Alianza para el Gobierno "
                            "Abierto son transparencia, participación ciudadana, "
                            "rendición de cuentas y tecnología e innovación."
                        ),
                        "choices": [
                            {
                                "text": "Transparencia",
                                "correct": True,
                                "feedback": (
                                    "Correcto. La transparencia es uno de los cuatro "
                                    "principios."
                                ),
                            },
                            {
                                "text": "Participación ciudadana",
                                "correct": True,
                                "feedback": (
                                    "Correcto. La población puede opinar e influir en "
                                    "las decisiones."
                                ),
                            },
                            {
                                "text": "Rendición de cuentas",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Las autoridades explican y responden "
                                    "por lo que hicieron."
                                ),
                            },
                            {
                                "text": (
                                    "Confidencialidad de todos los actos de gobierno"
                                ),
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La regla es la publicidad; la "
                                    "Constitución (artículo 30) establece que los "
                                    "actos de la administración son públicos."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿En qué año se incorporó Guatemala a la Alianza para el "
                            "Gobierno Abierto?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Guatemala se incorporó a la Alianza para el Gobierno "
                            "Abierto en 2011, el mismo año en que se lanzó la "
                            "iniciativa."
                        ),
                        "choices": [
                            {
                                "text": "2011",
                                "correct": True,
                                "feedback": "Correcto. Guatemala se incorporó en 2011.",
                            },
                            {
                                "text": "2008",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. 2008 es el año del Decreto 57-2008."
                                ),
                            },
                            {
                                "text": "2002",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. 2002 es el año del Código Municipal."
                                ),
                            },
                            {
                                "text": "1985",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. 1985 es el año de la Constitución."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "Tener una página web es suficiente para que una "
                            "municipalidad sea un Gobierno Abierto."
                        ),
                        "points": 1,
                        "explanation": (
                            "La tecnología es un medio. El Gobierno Abierto también "
                            "exige información útil y actualizada, participación y "
                            "rendición de cuentas."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Una página web ayuda, pero no basta "
                                    "por sí sola."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": True,
                                "feedback": (
                                    "Correcto. La página web es solo una herramienta; "
                                    "lo importante es el uso que la población pueda "
                                    "darle."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "Los planes de acción nacionales de Gobierno Abierto se "
                            "elaboran:"
                        ),
                        "points": 1,
                        "explanation": (
                            "Los planes de acción se elaboran mediante cocreación "
                            "entre instituciones públicas y organizaciones de la "
                            "sociedad civil."
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Entre instituciones públicas y organizaciones de "
                                    "la sociedad civil"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. Esa forma de trabajo se llama "
                                    "cocreación."
                                ),
                            },
                            {
                                "text": "Solo por el Congreso de la República",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Los planes de acción no son leyes del "
                                    "Congreso."
                                ),
                            },
                            {
                                "text": "Solo por organismos internacionales",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Los compromisos son del país y se "
                                    "construyen en el país."
                                ),
                            },
                            {
                                "text": "Por cada municipalidad de forma aislada",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Son planes nacionales, aunque sus "
                                    "temas se viven en el municipio."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "multiple",
                        "prompt": (
                            "¿Qué líneas de trabajo forman la estrategia de Gobierno "
                            "Abierto del INFOM?"
                        ),
                        "points": 1,
                        "explanation": (
                            "La estrategia del INFOM combina diagnóstico, construcción "
                            "de instrumentos y transferencia de capacidades a las "
                            "municipalidades."
                        ),
                        "choices": [
                            {
                                "text": "Diagnóstico",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Permite conocer fortalezas y brechas de "
                                    "cada municipalidad."
                                ),
                            },
                            {
                                "text": "Construcción de instrumentos",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Guías, formatos y procedimientos "
                                    "prácticos."
                                ),
                            },
                            {
                                "text": "Transferencia de capacidades",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Capacitación y acompañamiento al "
                                    "personal municipal."
                                ),
                            },
                            {
                                "text": (
                                    "Sustituir al Concejo Municipal en sus decisiones"
                                ),
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El INFOM respeta la autonomía "
                                    "municipal."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "En un municipio con poca conectividad, una cartelera "
                            "actualizada o un anuncio radial pueden ser buenas "
                            "herramientas de transparencia."
                        ),
                        "points": 1,
                        "explanation": (
                            "El principio de tecnología e innovación busca usar los "
                            "medios que la población realmente tiene a su alcance."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Lo importante es que la información "
                                    "llegue a la población."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La transparencia no depende solo de "
                                    "internet."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": "Según el Código Municipal, el municipio es:",
                        "points": 1,
                        "explanation": (
                            "El Código Municipal (Decreto 12-2002) define al municipio "
                            "como la unidad básica de la organización territorial del "
                            "Estado y espacio inmediato de participación ciudadana en "
                            "los asuntos públicos."
                        ),
                        "choices": [
                            {
                                "text": (
                                    "La unidad básica de la organización territorial "
                                    "del Estado y espacio inmediato de participación "
                                    "ciudadana"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. Así lo define el artículo 2 del Código "
                                    "Municipal."
                                ),
                            },
                            {
                                "text": "Una dependencia del Organismo Ejecutivo",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Los municipios son instituciones "
                                    "autónomas."
                                ),
                            },
                            {
                                "text": "Una oficina del INFOM",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El INFOM asesora a las "
                                    "municipalidades, pero no las dirige."
                                ),
                            },
                        ],
                    },
                ],
            },
        },
        {
            "title": "Módulo 2. Ley de Acceso a la Información Pública",
            "slug": "modulo-2-ley-acceso-informacion-publica",
            "summary": (
                "El derecho de acceso a la información y el Decreto 57-2008: quiénes "
                "están obligados, qué se publica de oficio, cómo se atienden las "
                "solicitudes y qué información tiene protección especial."
            ),
            "lessons": [
                {
                    "title": "El derecho de acceso y la información pública de oficio",
                    "slug": "derecho-de-acceso-e-informacion-de-oficio",
                    "minutes": 15,
                    "body": [
                        ("heading", "Un derecho de todas las personas"),
                        (
                            "paragraph",
                            (
                                "<p>La Constitución Política de la República establece "
                                "que <b>todos los actos de la administración son "
                                "públicos</b> y que los interesados pueden obtener "
                                "informes, copias y certificaciones, con excepciones "
                                "limitadas, como los asuntos militares o diplomáticos "
                                "de seguridad nacional y los datos suministrados por "
                                "particulares bajo garantía de confidencia (artículo "
                                "30). También reconoce el derecho de cada persona a "
                                "conocer los datos que sobre ella tiene el Estado "
                                "(artículo 31).</p><p>La <b>Ley de Acceso a la "
                                "Información Pública</b>, Decreto 57-2008 del Congreso "
                                "de la República, desarrolla estos derechos. Entró en "
                                "vigencia en abril de 2009. Se basa en los principios "
                                "de máxima publicidad, transparencia en el manejo de "
                                "los recursos públicos, gratuidad, sencillez y "
                                "celeridad.</p>"
                            ),
                        ),
                        ("heading", "¿Quiénes están obligados?"),
                        (
                            "paragraph",
                            (
                                "<p>La ley llama <b>sujetos obligados</b> a las "
                                "instituciones y personas que manejan, administran o "
                                "ejecutan recursos públicos o actos de la "
                                "administración pública. La lista de la ley es amplia "
                                "e incluye a los organismos del Estado, las entidades "
                                "autónomas y descentralizadas y <b>las "
                                "municipalidades</b>. También alcanza a quienes "
                                "reciben o administran fondos públicos, en lo que se "
                                "refiere a esos fondos.</p><p>Del otro lado está el "
                                "<b>sujeto activo</b>: cualquier persona, individual o "
                                "jurídica, que quiera solicitar información pública. "
                                "No necesita ser vecino del municipio ni explicar para "
                                "qué quiere la información.</p>"
                            ),
                        ),
                        ("heading", "Información pública de oficio"),
                        (
                            "paragraph",
                            (
                                "<p>Además de responder solicitudes, cada sujeto "
                                "obligado debe publicar por iniciativa propia, sin que "
                                "nadie lo pida, un conjunto mínimo de información. A "
                                "esto se le llama <b>información pública de "
                                "oficio</b>.</p>"
                            ),
                        ),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Ley de Acceso a la Información Pública, Decreto "
                                    "57-2008 del Congreso"
                                ),
                                "article": "Artículo 10 (párrafo inicial)",
                                "quote": (
                                    "Los Sujetos Obligados deberán mantener, "
                                    "actualizada y disponible, en todo momento, de "
                                    "acuerdo con sus funciones y a disposición de "
                                    "cualquier interesado, como mínimo, la siguiente "
                                    "información, que podrá ser consultada de manera "
                                    "directa o a través de los portales electrónicos "
                                    "de cada sujeto obligado."
                                ),
                                "is_paraphrase": False,
                            },
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Algunos ejemplos de información pública de oficio "
                                    "(consulte la lista completa en el artículo 10)"
                                ),
                                "header": ["Tema", "Ejemplos"],
                                "rows": [
                                    [
                                        "Organización",
                                        (
                                            "Estructura orgánica, funciones de cada "
                                            "dependencia, dirección y teléfonos, "
                                            "directorio de empleados."
                                        ),
                                    ],
                                    [
                                        "Personal",
                                        (
                                            "Nombre y puesto de funcionarios y "
                                            "empleados, y sus salarios."
                                        ),
                                    ],
                                    [
                                        "Presupuesto",
                                        (
                                            "Presupuesto asignado, sus modificaciones "
                                            "e informes de ejecución."
                                        ),
                                    ],
                                    [
                                        "Compras y bienes",
                                        (
                                            "Contrataciones de bienes y servicios, "
                                            "viajes pagados con fondos públicos, "
                                            "inventario de bienes."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "importante",
                                "text": (
                                    "<p>La información de oficio debe estar "
                                    "<b>actualizada</b>. Un portal con datos de hace "
                                    "dos años no cumple la ley. Además, la información "
                                    "puede consultarse de forma directa en las "
                                    "oficinas: publicar en internet no sustituye la "
                                    "atención presencial.</p>"
                                ),
                            },
                        ),
                    ],
                },
                {
                    "title": "Unidades de Información Pública, solicitudes y plazos",
                    "slug": "unidades-informacion-solicitudes-y-plazos",
                    "minutes": 15,
                    "body": [
                        ("heading", "La Unidad de Información Pública"),
                        (
                            "paragraph",
                            (
                                "<p>La ley ordena que cada sujeto obligado designe a "
                                "un servidor público, empleado u órgano interno que "
                                "funcione como <b>Unidad de Información Pública</b>. "
                                "En la municipalidad, esta unidad es la puerta de "
                                "entrada de las solicitudes: las recibe, las tramita "
                                "con las dependencias que tienen la información, y "
                                "notifica la respuesta.</p><p>La Unidad no trabaja "
                                "sola. La Dirección de Administración Financiera "
                                "Integrada Municipal, la Dirección Municipal de "
                                "Planificación, la Secretaría Municipal y las demás "
                                "dependencias deben entregarle la información a tiempo "
                                "para que la municipalidad cumpla los plazos.</p>"
                            ),
                        ),
                        ("heading", "¿Cómo se pide información?"),
                        (
                            "paragraph",
                            (
                                "<p>La solicitud puede hacerse de forma <b>verbal, "
                                "escrita o electrónica</b>. Debe permitir identificar "
                                "la información que se pide e indicar un lugar o medio "
                                "para recibir la respuesta. Si la solicitud no es "
                                "clara, la Unidad puede pedir al solicitante que la "
                                "aclare.</p>"
                            ),
                        ),
                        ("heading", "Los plazos"),
                        (
                            "table",
                            {
                                "caption": (
                                    "Plazos de respuesta según el Decreto 57-2008"
                                ),
                                "header": ["Momento", "Qué dice la ley"],
                                "rows": [
                                    [
                                        "Respuesta",
                                        (
                                            "La Unidad debe resolver dentro de los 10 "
                                            "días hábiles siguientes a la presentación "
                                            "y admisión de la solicitud (artículo 42)."
                                        ),
                                    ],
                                    [
                                        "Prórroga",
                                        (
                                            "Cuando el volumen y la extensión de la "
                                            "respuesta lo justifiquen, el plazo puede "
                                            "ampliarse hasta por 10 días más, avisando "
                                            "al solicitante antes de que venza el "
                                            "plazo original (artículo 43)."
                                        ),
                                    ],
                                    [
                                        "Inconformidad",
                                        (
                                            "Si el solicitante no está conforme, puede "
                                            "presentar un recurso de revisión dentro "
                                            "de los 15 días siguientes a la "
                                            "notificación (artículos 54 a 60)."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La respuesta puede consistir en <b>entregar</b> la "
                                "información; <b>negarla</b>, total o parcialmente, "
                                "cuando la ley la considera confidencial o reservada; "
                                "o <b>expresar que no existe</b>. En todos los casos "
                                "la respuesta debe darse por escrito y dentro del "
                                "plazo.</p>"
                            ),
                        ),
                        ("heading", "Gratuidad"),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Ley de Acceso a la Información Pública, Decreto "
                                    "57-2008 del Congreso"
                                ),
                                "article": "Artículo 18 (fragmento)",
                                "quote": (
                                    "El acceso a la información pública será gratuito, "
                                    "para efectos de análisis y consulta en las "
                                    "oficinas del sujeto obligado. Si el interesado "
                                    "solicita la obtención de copias, reproducciones "
                                    "escritas o por medios electrónicos, se hará de "
                                    "conformidad con lo establecido en la presente "
                                    "ley. La consulta de la información pública se "
                                    "regirá por el principio de sencillez y gratuidad. "
                                    "Sólo se cobrarán los gastos de reproducción de la "
                                    "información. La reproducción de la información "
                                    "habilitará al Estado a realizar el cobro por un "
                                    "monto que en ningún caso será superior a los "
                                    "costos del mercado y que no podrán exceder de los "
                                    "costos necesarios para la reproducción de la "
                                    "información."
                                ),
                                "is_paraphrase": False,
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "ejemplo",
                                "text": (
                                    "<p>Un vecino pide copia del contrato de una obra "
                                    "de agua. Consultarlo en la oficina es gratis. Si "
                                    "pide copias impresas, la municipalidad solo puede "
                                    "cobrar el costo de reproducción, y puede "
                                    "ofrecerle una copia digital si él trae una "
                                    "memoria USB.</p>"
                                ),
                            },
                        ),
                    ],
                },
                {
                    "title": (
                        "Hábeas data, información confidencial y reservada, y recurso "
                        "de revisión"
                    ),
                    "slug": "habeas-data-confidencial-reservada-revision",
                    "minutes": 20,
                    "body": [
                        ("heading", "Hábeas data: protección de los datos personales"),
                        (
                            "paragraph",
                            (
                                "<p>Las municipalidades guardan muchos datos "
                                "personales: registros de contribuyentes, expedientes "
                                "de servicios, planillas. La ley llama <b>hábeas "
                                "data</b> a la garantía que tiene toda persona de "
                                "conocer, proteger y pedir la corrección de sus datos "
                                "personales en poder del Estado.</p>"
                            ),
                        ),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Ley de Acceso a la Información Pública, Decreto "
                                    "57-2008 del Congreso"
                                ),
                                "article": "Artículo 30. Hábeas data",
                                "quote": (
                                    "Los sujetos obligados serán responsables de los "
                                    "datos personales y, en relación con éstos, "
                                    "deberán: 1. Adoptar los procedimientos adecuados "
                                    "para recibir y responder las solicitudes de "
                                    "acceso y corrección de datos que sean presentados "
                                    "por los titulares de los mismos o sus "
                                    "representantes legales, así como capacitar a los "
                                    "servidores públicos y dar a conocer información "
                                    "sobre sus políticas en relación con la protección "
                                    "de tales datos; 2. Administrar datos personales "
                                    "sólo cuando éstos sean adecuados, pertinentes y "
                                    "no excesivos, en relación con los propósitos para "
                                    "los cuales se hayan obtenido; 3. Poner a "
                                    "disposición de la persona individual, a partir "
                                    "del momento en el cual se recaben datos "
                                    "personales, el documento en el que se establezcan "
                                    "los propósitos para su tratamiento; 4. Procurar "
                                    "que los datos personales sean exactos y "
                                    "actualizados; 5. Adoptar las medidas necesarias "
                                    "que garanticen la seguridad, y en su caso "
                                    "confidencia o reserva de los datos personales y "
                                    "eviten su alteración, pérdida, transmisión y "
                                    "acceso no autorizado. Los sujetos activos no "
                                    "podrán usar la información obtenida para fines "
                                    "comerciales, salvo autorización expresa del "
                                    "titular de la información."
                                ),
                                "is_paraphrase": False,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>El acceso a los datos personales corresponde a su "
                                "titular o a su representante legal (artículo 33). Un "
                                "tercero no puede obtener, por ejemplo, la dirección o "
                                "el teléfono de un vecino solo porque constan en un "
                                "registro municipal.</p>"
                            ),
                        ),
                        ("heading", "Información confidencial y reservada"),
                        (
                            "paragraph",
                            (
                                "<p>La regla es la máxima publicidad, pero la ley "
                                "establece <b>excepciones limitadas</b>, que deben "
                                "interpretarse de forma restrictiva:</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Diferencias entre información confidencial y "
                                    "reservada"
                                ),
                                "header": [
                                    "",
                                    "Información confidencial",
                                    "Información reservada",
                                ],
                                "rows": [
                                    [
                                        "¿Qué protege?",
                                        (
                                            "Principalmente los datos de las personas: "
                                            "datos personales y sensibles, y la "
                                            "información que la ley declara "
                                            "confidencial."
                                        ),
                                        (
                                            "Intereses públicos que señala la ley, "
                                            "como la defensa, la seguridad o ciertas "
                                            "investigaciones."
                                        ),
                                    ],
                                    [
                                        "¿Cómo se decide?",
                                        "Por disposición de la ley.",
                                        (
                                            "Mediante una clasificación fundamentada "
                                            "que hace la autoridad, siguiendo el "
                                            "procedimiento de la ley."
                                        ),
                                    ],
                                    [
                                        "¿Por cuánto tiempo?",
                                        (
                                            "Mientras exista el motivo de protección "
                                            "que señala la ley."
                                        ),
                                        (
                                            "Por un período limitado que fija la ley; "
                                            "no es para siempre."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "importante",
                                "text": (
                                    "<p>La información relativa a investigaciones de "
                                    "violaciones a los derechos humanos fundamentales "
                                    "o a delitos de lesa humanidad <b>nunca</b> puede "
                                    "clasificarse como confidencial o reservada. Y el "
                                    "presupuesto, los salarios y las compras de una "
                                    "municipalidad son información pública, no "
                                    "reservada.</p>"
                                ),
                            },
                        ),
                        ("heading", "Recurso de revisión y autoridad reguladora"),
                        (
                            "faq",
                            [
                                {
                                    "question": (
                                        "¿Qué puede hacer una persona a quien se le "
                                        "negó la información?"
                                    ),
                                    "answer": (
                                        "<p>Puede interponer un <b>recurso de "
                                        "revisión</b> ante la máxima autoridad del "
                                        "sujeto obligado, dentro de los 15 días "
                                        "siguientes a la notificación. El recurso está "
                                        "regulado en los artículos 54 a 60 del Decreto "
                                        "57-2008 y también procede cuando se invoca la "
                                        "inexistencia de la información.</p>"
                                    ),
                                },
                                {
                                    "question": (
                                        "¿Quién vigila el cumplimiento de la ley?"
                                    ),
                                    "answer": (
                                        "<p>El <b>Procurador de los Derechos "
                                        "Humanos</b> es la autoridad reguladora de la "
                                        "Ley de Acceso a la Información Pública. "
                                        "Recibe informes de los sujetos obligados, "
                                        "promueve el derecho y puede atender denuncias "
                                        "de la población.</p>"
                                    ),
                                },
                                {
                                    "question": (
                                        "¿Negar información sin fundamento tiene "
                                        "consecuencias?"
                                    ),
                                    "answer": (
                                        "<p>Sí. La ley establece responsabilidades y "
                                        "sanciones para quienes incumplen sus "
                                        "obligaciones, por ejemplo al retener o "
                                        "destruir información pública.</p>"
                                    ),
                                },
                            ],
                        ),
                    ],
                },
            ],
            "quiz": {
                "title": "Evaluación del módulo 2",
                "slug": "evaluacion-modulo-2",
                "instructions": (
                    "Responda las preguntas sobre la Ley de Acceso a la Información "
                    "Pública (Decreto 57-2008). Algunas preguntas tienen más de una "
                    "respuesta correcta."
                ),
                "questions": [
                    {
                        "type": "true_false",
                        "prompt": (
                            "Las municipalidades son sujetos obligados de la Ley de "
                            "Acceso a la Información Pública."
                        ),
                        "points": 1,
                        "explanation": (
                            "El Decreto 57-2008 incluye a las municipalidades entre "
                            "los sujetos obligados, porque administran recursos "
                            "públicos."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Las municipalidades deben cumplir la "
                                    "ley."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Las municipalidades sí están "
                                    "obligadas."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿Cuál es el plazo para resolver una solicitud de "
                            "información pública?"
                        ),
                        "points": 1,
                        "explanation": (
                            "El artículo 42 del Decreto 57-2008 fija 10 días hábiles; "
                            "el artículo 43 permite una prórroga de hasta 10 días más "
                            "cuando el volumen y la extensión de la respuesta lo "
                            "justifican."
                        ),
                        "choices": [
                            {
                                "text": (
                                    "10 días hábiles, prorrogables hasta por 10 días "
                                    "más"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. Así lo establecen los artículos 42 y 43."
                                ),
                            },
                            {
                                "text": "30 días calendario",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El plazo de la ley es de 10 días "
                                    "hábiles."
                                ),
                            },
                            {
                                "text": "15 días hábiles sin prórroga",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. 15 días es el plazo para presentar el "
                                    "recurso de revisión, no para responder."
                                ),
                            },
                            {
                                "text": "No hay plazo: depende de la carga de trabajo",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La ley fija plazos obligatorios."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "multiple",
                        "prompt": (
                            "¿Cuáles son respuestas posibles a una solicitud de "
                            "información?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Según el Decreto 57-2008, la Unidad puede entregar la "
                            "información, negarla total o parcialmente cuando es "
                            "confidencial o reservada, o expresar su inexistencia, "
                            "siempre por escrito y dentro del plazo."
                        ),
                        "choices": [
                            {
                                "text": "Entregar la información solicitada",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Es la respuesta esperada en la mayoría "
                                    "de casos."
                                ),
                            },
                            {
                                "text": (
                                    "Negarla total o parcialmente por ser confidencial "
                                    "o reservada, con fundamento"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. La negativa debe estar fundamentada en "
                                    "la ley."
                                ),
                            },
                            {
                                "text": "Expresar que la información no existe",
                                "correct": True,
                                "feedback": (
                                    "Correcto. La inexistencia también debe "
                                    "comunicarse por escrito."
                                ),
                            },
                            {
                                "text": (
                                    "No responder, porque el silencio equivale a una "
                                    "negativa"
                                ),
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La falta de respuesta es un "
                                    "incumplimiento de la ley."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "Para pedir información pública, la persona debe explicar "
                            "para qué la quiere y demostrar que es vecina del "
                            "municipio."
                        ),
                        "points": 1,
                        "explanation": (
                            "Toda persona, individual o jurídica, tiene derecho a "
                            "solicitar información pública (Decreto 57-2008). Exigir "
                            "requisitos que la ley no establece, como ser vecino o "
                            "justificar el motivo, limita ese derecho."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Pedir esos requisitos limita un "
                                    "derecho humano."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": True,
                                "feedback": (
                                    "Correcto. No se deben exigir requisitos que la "
                                    "ley no establece."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "Según el artículo 18 del Decreto 57-2008, ¿qué se puede "
                            "cobrar por la información pública?"
                        ),
                        "points": 1,
                        "explanation": (
                            "El artículo 18 establece la gratuidad de la consulta y "
                            "permite cobrar solo los gastos de reproducción, sin "
                            "superar los costos del mercado."
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Solo los gastos de reproducción, como las copias"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. La consulta en la oficina es gratuita."
                                ),
                            },
                            {
                                "text": "Una tasa por cada solicitud presentada",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Presentar una solicitud no tiene "
                                    "costo."
                                ),
                            },
                            {
                                "text": (
                                    "El tiempo de trabajo del personal que busca la "
                                    "información"
                                ),
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Solo se cobran los costos de "
                                    "reproducción."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": "¿Qué es el hábeas data?",
                        "points": 1,
                        "explanation": (
                            "El hábeas data (artículo 30 del Decreto 57-2008 y "
                            "artículo 31 de la Constitución) protege los datos "
                            "personales y permite a su titular conocerlos, pedir su "
                            "corrección y exigir su protección."
                        ),
                        "choices": [
                            {
                                "text": (
                                    "La garantía de las personas sobre sus datos "
                                    "personales en poder del Estado"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. Incluye conocer, corregir y proteger "
                                    "esos datos."
                                ),
                            },
                            {
                                "text": (
                                    "Un tipo de información reservada por seguridad "
                                    "nacional"
                                ),
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El hábeas data protege datos "
                                    "personales."
                                ),
                            },
                            {
                                "text": (
                                    "El informe anual que se envía al Procurador de "
                                    "los Derechos Humanos"
                                ),
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El informe anual es otra obligación "
                                    "distinta."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "La información sobre investigaciones de violaciones a los "
                            "derechos humanos puede clasificarse como reservada."
                        ),
                        "points": 1,
                        "explanation": (
                            "El Decreto 57-2008 prohíbe clasificar como confidencial o "
                            "reservada la información relativa a investigaciones de "
                            "violaciones a los derechos humanos fundamentales o a "
                            "delitos de lesa humanidad."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La ley prohíbe expresamente esa "
                                    "clasificación."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Esa información nunca puede reservarse."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿Dentro de qué plazo puede presentarse el recurso de "
                            "revisión?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Según los artículos 54 a 60 del Decreto 57-2008, el "
                            "recurso de revisión se presenta ante la máxima autoridad "
                            "dentro de los 15 días siguientes a la notificación."
                        ),
                        "choices": [
                            {
                                "text": "15 días siguientes a la notificación",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Ese es el plazo que fija la ley."
                                ),
                            },
                            {
                                "text": "3 días hábiles",
                                "correct": False,
                                "feedback": "Incorrecto. El plazo es de 15 días.",
                            },
                            {
                                "text": "Un año",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El plazo es mucho más corto: 15 días."
                                ),
                            },
                        ],
                    },
                ],
            },
        },
        {
            "title": "Módulo 3. El Código Municipal y la organización del municipio",
            "slug": "modulo-3-codigo-municipal",
            "summary": (
                "La autonomía municipal, el gobierno del municipio, las principales "
                "dependencias de la administración municipal y los deberes de "
                "información a los vecinos según el Código Municipal (Decreto 12-2002)."
            ),
            "lessons": [
                {
                    "title": "El municipio y la autonomía municipal",
                    "slug": "municipio-y-autonomia-municipal",
                    "minutes": 15,
                    "body": [
                        ("heading", "El municipio según la ley"),
                        (
                            "paragraph",
                            (
                                "<p>El <b>Código Municipal</b>, Decreto 12-2002 del "
                                "Congreso de la República, desarrolla los principios "
                                "de la Constitución sobre la organización, el "
                                "gobierno, la administración y el funcionamiento de "
                                "los municipios. Ha sido reformado varias veces; una "
                                "de las reformas más amplias es la del Decreto "
                                "22-2010. Cuando consulte un artículo, use siempre el "
                                "texto vigente, con sus reformas.</p>"
                            ),
                        ),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Código Municipal, Decreto 12-2002 del Congreso, y "
                                    "sus reformas"
                                ),
                                "article": "Artículo 2. Naturaleza del municipio",
                                "quote": (
                                    "El municipio es la unidad básica de la "
                                    "organización territorial del Estado y espacio "
                                    "inmediato de participación ciudadana en los "
                                    "asuntos públicos. Se caracteriza primordialmente "
                                    "por sus relaciones permanentes de vecindad, "
                                    "multietnicidad, pluriculturalidad, y "
                                    "multilingüismo, organizado para realizar el bien "
                                    "común de todos los habitantes de su distrito."
                                ),
                                "is_paraphrase": False,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Fíjese en dos ideas de este artículo. Primero, el "
                                "municipio es el <b>espacio inmediato de participación "
                                "ciudadana</b>: es donde la población puede participar "
                                "de forma más directa. Segundo, se reconoce la "
                                "<b>multietnicidad, pluriculturalidad y "
                                "multilingüismo</b>: la gestión municipal debe tomar "
                                "en cuenta los pueblos e idiomas de su territorio.</p>"
                            ),
                        ),
                        ("heading", "La autonomía municipal"),
                        (
                            "paragraph",
                            (
                                "<p>La Constitución establece que los municipios son "
                                "<b>instituciones autónomas</b> (artículo 253). Entre "
                                "sus funciones están elegir a sus propias autoridades, "
                                "obtener y disponer de sus recursos, y atender los "
                                "servicios públicos locales, el ordenamiento "
                                "territorial de su jurisdicción y el cumplimiento de "
                                "sus fines propios. Para ello emiten ordenanzas y "
                                "reglamentos.</p>"
                            ),
                        ),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Código Municipal, Decreto 12-2002 del Congreso, y "
                                    "sus reformas"
                                ),
                                "article": "Artículo 3. Autonomía (fragmento)",
                                "quote": (
                                    "En ejercicio de la autonomía que la Constitución "
                                    "Política de la República garantiza al municipio, "
                                    "éste elige a sus autoridades y ejerce por medio "
                                    "de ellas, el gobierno y la administración de sus "
                                    "intereses, obtiene y dispone de sus recursos "
                                    "patrimoniales, atiende los servicios públicos "
                                    "locales, el ordenamiento territorial de su "
                                    "jurisdicción, su fortalecimiento económico y la "
                                    "emisión de sus ordenanzas y reglamentos."
                                ),
                                "is_paraphrase": False,
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "nota",
                                "text": (
                                    "<p>Autonomía no significa aislamiento ni ausencia "
                                    "de controles. El mismo Código pide que el "
                                    "municipio coordine sus políticas con las "
                                    "políticas generales del Estado. Además, la "
                                    "municipalidad está obligada a cumplir la Ley de "
                                    "Acceso a la Información Pública, a rendir cuentas "
                                    "y a ser fiscalizada por la Contraloría General de "
                                    "Cuentas.</p>"
                                ),
                            },
                        ),
                        ("heading", "Autonomía y transparencia van juntas"),
                        (
                            "paragraph",
                            (
                                "<p>Una municipalidad autónoma decide sobre sus "
                                "recursos. Precisamente por eso debe informar cómo los "
                                "usa. La transparencia fortalece la autonomía: cuando "
                                "los vecinos conocen y entienden las decisiones del "
                                "Concejo, es más fácil que confíen en su gobierno "
                                "local y que participen en la solución de los "
                                "problemas.</p><ul><li>La autonomía permite "
                                "decidir.</li><li>La transparencia permite que la "
                                "población conozca esas decisiones.</li><li>La "
                                "rendición de cuentas permite evaluar sus "
                                "resultados.</li></ul>"
                            ),
                        ),
                    ],
                },
                {
                    "title": (
                        "El gobierno municipal: Concejo, alcalde, síndicos y concejales"
                    ),
                    "slug": "gobierno-municipal-concejo-alcalde",
                    "minutes": 15,
                    "body": [
                        ("heading", "El Concejo Municipal"),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Constitución Política de la República de "
                                    "Guatemala (1985)"
                                ),
                                "article": "Artículo 254. Gobierno municipal",
                                "quote": (
                                    "El gobierno municipal es ejercido por un Concejo "
                                    "integrado por el alcalde, los síndicos y los "
                                    "concejales, electos directamente por sufragio "
                                    "universal y secreto para un período de cuatro "
                                    "años, con posibilidad de reelección."
                                ),
                                "is_paraphrase": True,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>El Código Municipal define al <b>Concejo "
                                "Municipal</b> como el órgano colegiado superior de "
                                "deliberación y de decisión de los asuntos "
                                "municipales. Sus miembros son responsables por las "
                                "decisiones que toman, y el Concejo tiene su sede en "
                                "la cabecera del municipio. Al Concejo le corresponde, "
                                "entre otras cosas, aprobar el presupuesto, emitir "
                                "ordenanzas y reglamentos y fiscalizar la gestión "
                                "municipal.</p>"
                            ),
                        ),
                        ("heading", "¿Quién hace qué?"),
                        (
                            "table",
                            {
                                "caption": "Integrantes del gobierno municipal",
                                "header": ["Cargo", "Papel principal"],
                                "rows": [
                                    [
                                        "Alcalde",
                                        (
                                            "Representa a la municipalidad y al "
                                            "municipio, es el jefe del órgano "
                                            "ejecutivo del gobierno municipal y "
                                            "ejecuta las políticas, planes y proyectos "
                                            "que autoriza el Concejo. Preside el "
                                            "Consejo Municipal de Desarrollo (COMUDE)."
                                        ),
                                    ],
                                    [
                                        "Síndicos",
                                        (
                                            "Forman parte del Concejo. Al síndico le "
                                            "corresponde la representación judicial de "
                                            "la municipalidad, y los síndicos "
                                            "participan en la fiscalización de la "
                                            "gestión municipal."
                                        ),
                                    ],
                                    [
                                        "Concejales",
                                        (
                                            "Forman parte del Concejo, deliberan y "
                                            "votan las decisiones, integran las "
                                            "comisiones de trabajo y fiscalizan la "
                                            "gestión municipal."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "importante",
                                "text": (
                                    "<p>Las decisiones del Concejo se toman de forma "
                                    "colegiada, en sesiones, y quedan registradas en "
                                    "<b>actas</b>. Los acuerdos del Concejo y sus "
                                    "actas son información pública, salvo las "
                                    "excepciones que establece la ley. Por eso es "
                                    "esencial que las actas estén completas, firmadas "
                                    "y bien archivadas.</p>"
                                ),
                            },
                        ),
                        ("heading", "Preguntas frecuentes"),
                        (
                            "faq",
                            [
                                {
                                    "question": (
                                        "¿El alcalde puede decidir solo sobre el "
                                        "presupuesto?"
                                    ),
                                    "answer": (
                                        "<p>No. El presupuesto municipal lo aprueba el "
                                        "Concejo Municipal. El alcalde, con apoyo de "
                                        "la Dirección de Administración Financiera "
                                        "Integrada Municipal, prepara el proyecto y "
                                        "luego ejecuta lo aprobado.</p>"
                                    ),
                                },
                                {
                                    "question": "¿Qué son las comisiones del Concejo?",
                                    "answer": (
                                        "<p>Son grupos de trabajo integrados por "
                                        "miembros del Concejo para estudiar temas "
                                        "específicos, como finanzas, salud, educación "
                                        "o probidad, y presentar dictámenes al pleno. "
                                        "El Código Municipal regula su integración.</p>"
                                    ),
                                },
                                {
                                    "question": "¿Cada cuánto se elige el Concejo?",
                                    "answer": (
                                        "<p>Cada cuatro años, por sufragio universal y "
                                        "secreto, según el artículo 254 de la "
                                        "Constitución.</p>"
                                    ),
                                },
                            ],
                        ),
                    ],
                },
                {
                    "title": "La administración municipal y los deberes de información",
                    "slug": "administracion-municipal-y-deberes-de-informacion",
                    "minutes": 15,
                    "body": [
                        ("heading", "Las dependencias clave"),
                        (
                            "paragraph",
                            (
                                "<p>Para cumplir sus funciones, la municipalidad "
                                "cuenta con una administración. El Código Municipal "
                                "regula varias dependencias que toda municipalidad "
                                "debe conocer, porque producen y guardan buena parte "
                                "de la información pública:</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": (
                                    "Dependencias municipales y la información que "
                                    "manejan"
                                ),
                                "header": [
                                    "Dependencia",
                                    "Función principal",
                                    "Información que genera",
                                ],
                                "rows": [
                                    [
                                        "Secretaría Municipal",
                                        (
                                            "Apoya al Concejo y al alcalde, elabora "
                                            "las actas de las sesiones y extiende "
                                            "certificaciones."
                                        ),
                                        (
                                            "Actas, acuerdos, certificaciones, "
                                            "correspondencia."
                                        ),
                                    ],
                                    [
                                        (
                                            "Dirección de Administración Financiera "
                                            "Integrada Municipal (DAFIM)"
                                        ),
                                        (
                                            "Administra las finanzas: presupuesto, "
                                            "contabilidad, tesorería y recaudación."
                                        ),
                                        (
                                            "Presupuesto, ejecución presupuestaria, "
                                            "estados financieros, registros de "
                                            "ingresos y gastos."
                                        ),
                                    ],
                                    [
                                        "Dirección Municipal de Planificación (DMP)",
                                        (
                                            "Coordina los diagnósticos, planes, "
                                            "programas y proyectos de desarrollo del "
                                            "municipio."
                                        ),
                                        (
                                            "Planes de desarrollo, perfiles de "
                                            "proyectos, información sobre obras."
                                        ),
                                    ],
                                    [
                                        "Juzgado de Asuntos Municipales",
                                        (
                                            "Vela por el cumplimiento de las "
                                            "ordenanzas, reglamentos y demás "
                                            "disposiciones municipales. La "
                                            "Constitución permite a las "
                                            "municipalidades crearlo (artículo 259)."
                                        ),
                                        (
                                            "Expedientes y resoluciones de los casos "
                                            "que conoce."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "heading",
                            "Información y participación en el Código Municipal",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>El Código Municipal dedica un título completo a la "
                                "<b>información y participación ciudadana</b> (Título "
                                "IV). Allí establece deberes de la municipalidad hacia "
                                "sus vecinos que complementan la Ley de Acceso a la "
                                "Información Pública.</p>"
                            ),
                        ),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Código Municipal, Decreto 12-2002 del Congreso, y "
                                    "sus reformas"
                                ),
                                "article": (
                                    "Título IV. Información y participación ciudadana"
                                ),
                                "quote": (
                                    "Los Concejos Municipales deben facilitar la más "
                                    "amplia información sobre su actividad y la "
                                    "participación de todos los ciudadanos en la vida "
                                    "local. Los vecinos tienen derecho a obtener "
                                    "copias y certificaciones de los acuerdos del "
                                    "Concejo y sus antecedentes, y a consultar los "
                                    "archivos y registros financieros y contables, en "
                                    "los términos del artículo 30 de la Constitución."
                                ),
                                "is_paraphrase": True,
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "importante",
                                "text": (
                                    "<p>El Código Municipal regula también cómo "
                                    "sesiona el Concejo y cómo se documentan sus "
                                    "decisiones, así como la información sobre el "
                                    "presupuesto y su ejecución (Título VI, sobre "
                                    "finanzas municipales). Consulte siempre el texto "
                                    "vigente, con las reformas del Decreto 22-2010, "
                                    "antes de citar un artículo en un documento "
                                    "oficial.</p>"
                                ),
                            },
                        ),
                        ("heading", "Buenas prácticas para la administración"),
                        (
                            "paragraph",
                            (
                                "<ul><li>Archive las actas y los expedientes de forma "
                                "ordenada: la información que no se encuentra no se "
                                "puede entregar.</li><li>Designe en cada dependencia a "
                                "una persona enlace con la Unidad de Información "
                                "Pública.</li><li>Publique los acuerdos de interés "
                                "general en lenguaje sencillo.</li></ul>"
                            ),
                        ),
                    ],
                },
            ],
            "quiz": {
                "title": "Evaluación del módulo 3",
                "slug": "evaluacion-modulo-3",
                "instructions": (
                    "Responda las preguntas sobre el Código Municipal y la "
                    "organización del municipio. Algunas preguntas tienen más de una "
                    "respuesta correcta."
                ),
                "questions": [
                    {
                        "type": "multiple",
                        "prompt": (
                            "Según el artículo 3 del Código Municipal, en ejercicio de "
                            "su autonomía el municipio:"
                        ),
                        "points": 1,
                        "explanation": (
                            "El artículo 3 del Código Municipal indica que el "
                            "municipio elige a sus autoridades, obtiene y dispone de "
                            "sus recursos patrimoniales, atiende los servicios "
                            "públicos locales y emite sus ordenanzas y reglamentos, "
                            "entre otras funciones."
                        ),
                        "choices": [
                            {
                                "text": "Elige a sus autoridades",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Es una de las expresiones de la "
                                    "autonomía."
                                ),
                            },
                            {
                                "text": (
                                    "Obtiene y dispone de sus recursos patrimoniales"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. La autonomía incluye la gestión de sus "
                                    "recursos."
                                ),
                            },
                            {
                                "text": "Emite sus ordenanzas y reglamentos",
                                "correct": True,
                                "feedback": (
                                    "Correcto. La Constitución y el Código lo permiten."
                                ),
                            },
                            {
                                "text": (
                                    "Queda exento de la Ley de Acceso a la Información "
                                    "Pública"
                                ),
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La autonomía no exime a la "
                                    "municipalidad de cumplir el Decreto 57-2008."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": "¿Quiénes integran el Concejo Municipal?",
                        "points": 1,
                        "explanation": (
                            "El artículo 254 de la Constitución indica que el Concejo "
                            "se integra con el alcalde, los síndicos y los concejales."
                        ),
                        "choices": [
                            {
                                "text": "El alcalde, los síndicos y los concejales",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Todos son electos por sufragio "
                                    "universal y secreto."
                                ),
                            },
                            {
                                "text": "El alcalde y el secretario municipal",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El secretario apoya al Concejo, pero "
                                    "no lo integra."
                                ),
                            },
                            {
                                "text": "Los coordinadores de los COCODE",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Los COCODE participan en el COMUDE, "
                                    "no en el Concejo."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": "¿Por cuánto tiempo se elige el Concejo Municipal?",
                        "points": 1,
                        "explanation": (
                            "Según el artículo 254 de la Constitución, el Concejo se "
                            "elige para un período de cuatro años y sus integrantes "
                            "pueden ser reelectos."
                        ),
                        "choices": [
                            {
                                "text": "Cuatro años",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Dos años",
                                "correct": False,
                                "feedback": "Incorrecto. El período es de cuatro años.",
                            },
                            {
                                "text": "Seis años",
                                "correct": False,
                                "feedback": "Incorrecto. El período es de cuatro años.",
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿Qué dependencia administra el presupuesto, la "
                            "contabilidad y la tesorería municipal?"
                        ),
                        "points": 1,
                        "explanation": (
                            "La Dirección de Administración Financiera Integrada "
                            "Municipal (DAFIM), regulada en el Código Municipal, "
                            "administra las finanzas municipales."
                        ),
                        "choices": [
                            {
                                "text": "La DAFIM",
                                "correct": True,
                                "feedback": (
                                    "Correcto. La DAFIM maneja la gestión financiera."
                                ),
                            },
                            {
                                "text": "La Dirección Municipal de Planificación",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La DMP coordina planes y proyectos de "
                                    "desarrollo."
                                ),
                            },
                            {
                                "text": "El Juzgado de Asuntos Municipales",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El Juzgado vela por el cumplimiento "
                                    "de ordenanzas y reglamentos."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "El presupuesto municipal lo aprueba el Concejo Municipal, "
                            "no el alcalde por sí solo."
                        ),
                        "points": 1,
                        "explanation": (
                            "El Concejo Municipal es el órgano colegiado superior de "
                            "deliberación y decisión; le corresponde aprobar el "
                            "presupuesto."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": True,
                                "feedback": (
                                    "Correcto. El alcalde prepara y ejecuta; el "
                                    "Concejo aprueba."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La aprobación corresponde al Concejo."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "Según el Código Municipal, los vecinos tienen derecho a "
                            "obtener copias y certificaciones de los acuerdos del "
                            "Concejo Municipal."
                        ),
                        "points": 1,
                        "explanation": (
                            "El Título IV del Código Municipal reconoce el derecho de "
                            "los vecinos a ser informados, en los términos del "
                            "artículo 30 de la Constitución."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Es un derecho de información de los "
                                    "vecinos."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El Código Municipal sí reconoce ese "
                                    "derecho."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿Qué dependencia coordina los diagnósticos, planes, "
                            "programas y proyectos de desarrollo del municipio?"
                        ),
                        "points": 1,
                        "explanation": (
                            "La Dirección Municipal de Planificación (DMP), regulada "
                            "en el Código Municipal, coordina la planificación del "
                            "desarrollo municipal."
                        ),
                        "choices": [
                            {
                                "text": "La Dirección Municipal de Planificación",
                                "correct": True,
                                "feedback": (
                                    "Correcto. La DMP es clave para la información "
                                    "sobre obras."
                                ),
                            },
                            {
                                "text": "La Secretaría Municipal",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La Secretaría elabora actas y "
                                    "certificaciones."
                                ),
                            },
                            {
                                "text": "La Unidad de Información Pública",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La Unidad tramita solicitudes; no "
                                    "planifica."
                                ),
                            },
                        ],
                    },
                ],
            },
        },
        {
            "title": "Módulo 4. Participación ciudadana y Consejos de Desarrollo",
            "slug": "modulo-4-participacion-ciudadana",
            "summary": (
                "El Sistema de Consejos de Desarrollo (Decreto 11-2002), la "
                "integración y funciones del COMUDE y del COCODE, las consultas a los "
                "vecinos y las buenas prácticas de participación."
            ),
            "lessons": [
                {
                    "title": "El Sistema de Consejos de Desarrollo",
                    "slug": "sistema-de-consejos-de-desarrollo",
                    "minutes": 15,
                    "body": [
                        ("heading", "Un sistema para participar en la planificación"),
                        (
                            "paragraph",
                            (
                                "<p>La <b>Ley de los Consejos de Desarrollo Urbano y "
                                "Rural</b>, Decreto 11-2002 del Congreso de la "
                                "República, organiza el Sistema de Consejos de "
                                "Desarrollo. La ley lo describe como el medio "
                                "principal de participación de la población maya, "
                                "xinca y garífuna y la no indígena en la gestión "
                                "pública, para llevar a cabo la planificación "
                                "democrática del desarrollo.</p><p>El sistema se "
                                "construye desde la base: las comunidades identifican "
                                "sus necesidades, las priorizan y las llevan al nivel "
                                "municipal, y de allí a los niveles departamental, "
                                "regional y nacional.</p>"
                            ),
                        ),
                        ("heading", "Los cinco niveles"),
                        (
                            "table",
                            {
                                "caption": (
                                    "Niveles del Sistema de Consejos de Desarrollo"
                                ),
                                "header": ["Nivel", "Consejo"],
                                "rows": [
                                    [
                                        "Nacional",
                                        (
                                            "Consejo Nacional de Desarrollo Urbano y "
                                            "Rural (CONADUR)"
                                        ),
                                    ],
                                    [
                                        "Regional",
                                        (
                                            "Consejos Regionales de Desarrollo Urbano "
                                            "y Rural"
                                        ),
                                    ],
                                    [
                                        "Departamental",
                                        (
                                            "Consejos Departamentales de Desarrollo "
                                            "(CODEDE)"
                                        ),
                                    ],
                                    [
                                        "Municipal",
                                        "Consejos Municipales de Desarrollo (COMUDE)",
                                    ],
                                    [
                                        "Comunitario",
                                        "Consejos Comunitarios de Desarrollo (COCODE)",
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Los niveles nacional, regional y departamental "
                                "están previstos en la Constitución; el municipal se "
                                "relaciona con el Código Municipal; y el comunitario "
                                "surge de los Acuerdos de Paz. Así lo explica la "
                                "propia Ley de los Consejos de Desarrollo en su parte "
                                "considerativa.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "nota",
                                "text": (
                                    "<p>El Sistema de Consejos de Desarrollo se "
                                    "relaciona con la <b>Ley General de "
                                    "Descentralización</b>, Decreto 14-2002, que "
                                    "promueve trasladar competencias y recursos del "
                                    "Organismo Ejecutivo hacia las municipalidades y "
                                    "otras instituciones, con participación de la "
                                    "población organizada.</p>"
                                ),
                            },
                        ),
                        ("heading", "¿Por qué importa a la municipalidad?"),
                        (
                            "paragraph",
                            (
                                "<p>Para la municipalidad, el COMUDE y los COCODE son "
                                "aliados para:</p><ul><li>Conocer las necesidades "
                                "reales de cada comunidad.</li><li>Priorizar obras y "
                                "servicios con criterios compartidos.</li><li>Dar "
                                "seguimiento a la ejecución de los "
                                "proyectos.</li><li>Rendir cuentas de forma periódica "
                                "y ordenada.</li></ul><p>Las prioridades que el COMUDE "
                                "aprueba pueden llevarse al Consejo Departamental de "
                                "Desarrollo (CODEDE), que reúne a los municipios del "
                                "departamento. Por eso es importante que las "
                                "propuestas municipales estén bien documentadas y "
                                "respaldadas por las comunidades.</p><p>Una "
                                "municipalidad que trabaja de cerca con sus consejos "
                                "toma decisiones mejor informadas y reduce conflictos, "
                                "porque la población conoce y entiende las razones de "
                                "cada prioridad.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "title": "COMUDE y COCODE: integración y funciones",
                    "slug": "comude-y-cocode",
                    "minutes": 15,
                    "body": [
                        ("heading", "El Consejo Municipal de Desarrollo (COMUDE)"),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Ley de los Consejos de Desarrollo Urbano y Rural, "
                                    "Decreto 11-2002"
                                ),
                                "article": (
                                    "Artículo 11. Integración de los Consejos "
                                    "Municipales de Desarrollo"
                                ),
                                "quote": (
                                    "Los Consejos Municipales de Desarrollo se "
                                    "integran así: a) El alcalde municipal, quien lo "
                                    "coordina; b) Los síndicos y concejales que "
                                    "determine la corporación municipal; c) Los "
                                    "representantes de los Consejos Comunitarios de "
                                    "Desarrollo, hasta un número de veinte (20), "
                                    "designados por los coordinadores de los Consejos "
                                    "Comunitarios de Desarrollo; d) Los representantes "
                                    "de las entidades públicas con presencia en la "
                                    "localidad; y, e) Los representantes de entidades "
                                    "civiles locales que sean convocados."
                                ),
                                "is_paraphrase": False,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>El COMUDE es el espacio donde se encuentran las "
                                "autoridades municipales, las comunidades organizadas "
                                "en COCODE, las instituciones públicas presentes en el "
                                "municipio y la sociedad civil local. Entre sus "
                                "funciones está promover y facilitar la organización y "
                                "participación de las comunidades, dar seguimiento a "
                                "las políticas, planes, programas y proyectos de "
                                "desarrollo del municipio, y verificar su "
                                "cumplimiento.</p>"
                            ),
                        ),
                        ("heading", "El Consejo Comunitario de Desarrollo (COCODE)"),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Ley de los Consejos de Desarrollo Urbano y Rural, "
                                    "Decreto 11-2002"
                                ),
                                "article": (
                                    "Artículo 13. Integración de los Consejos "
                                    "Comunitarios de Desarrollo"
                                ),
                                "quote": (
                                    "Los Consejos Comunitarios de Desarrollo se "
                                    "integran así: a) La Asamblea Comunitaria, "
                                    "integrada por los residentes en una misma "
                                    "comunidad; y, b) El Órgano de Coordinación, "
                                    "integrado de acuerdo a sus propios principios, "
                                    "valores, normas y procedimientos o, en forma "
                                    "supletoria, de acuerdo a la reglamentación "
                                    "municipal existente."
                                ),
                                "is_paraphrase": False,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La <b>Asamblea Comunitaria</b> es el órgano de "
                                "mayor jerarquía del COCODE (artículo 14). Entre sus "
                                "funciones están:</p><ul><li>Elegir a los integrantes "
                                "del Órgano de Coordinación y fijar la duración de sus "
                                "cargos.</li><li>Promover la organización y "
                                "participación de la comunidad en la priorización de "
                                "necesidades, problemas y soluciones.</li><li>Formular "
                                "políticas, planes, programas y proyectos de "
                                "desarrollo de la comunidad y proponerlos al "
                                "COMUDE.</li><li>Dar seguimiento a los proyectos "
                                "priorizados, verificar su cumplimiento y, cuando sea "
                                "oportuno, proponer medidas correctivas al "
                                "COMUDE.</li></ul>"
                            ),
                        ),
                        (
                            "faq",
                            [
                                {
                                    "question": (
                                        "¿Cuántos representantes de COCODE puede haber "
                                        "en el COMUDE?"
                                    ),
                                    "answer": (
                                        "<p>Hasta veinte (20), designados por los "
                                        "coordinadores de los Consejos Comunitarios de "
                                        "Desarrollo, según el artículo 11 del Decreto "
                                        "11-2002.</p>"
                                    ),
                                },
                                {
                                    "question": "¿Quién coordina el COMUDE?",
                                    "answer": (
                                        "<p>El alcalde municipal, según el artículo 11 "
                                        "del Decreto 11-2002.</p>"
                                    ),
                                },
                                {
                                    "question": (
                                        "¿El COCODE reemplaza a la municipalidad?"
                                    ),
                                    "answer": (
                                        "<p>No. El COCODE es una instancia de "
                                        "participación: prioriza, propone y da "
                                        "seguimiento. Las decisiones que la ley asigna "
                                        "al Concejo Municipal, como aprobar el "
                                        "presupuesto, siguen siendo del Concejo.</p>"
                                    ),
                                },
                            ],
                        ),
                    ],
                },
                {
                    "title": (
                        "Consultas a los vecinos y buenas prácticas de participación"
                    ),
                    "slug": "consultas-vecinos-y-buenas-practicas",
                    "minutes": 15,
                    "body": [
                        ("heading", "Las consultas en el Código Municipal"),
                        (
                            "paragraph",
                            (
                                "<p>El Título IV del Código Municipal, sobre "
                                "información y participación ciudadana, regula varias "
                                "formas de <b>consulta</b> para que los vecinos opinen "
                                "sobre asuntos importantes del municipio:</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Formas de consulta del Código Municipal",
                                "header": ["Tipo de consulta", "Cómo funciona"],
                                "rows": [
                                    [
                                        "Por decisión del Concejo",
                                        (
                                            "Cuando la trascendencia de un asunto lo "
                                            "aconseje, el Concejo, con el voto de las "
                                            "dos terceras partes del total de sus "
                                            "integrantes, puede acordar consultar la "
                                            "opinión de los vecinos."
                                        ),
                                    ],
                                    [
                                        "A solicitud de los vecinos",
                                        (
                                            "Para asuntos de carácter general que "
                                            "afectan a todos los vecinos, la solicitud "
                                            "debe llevar la firma de al menos el 10 % "
                                            "de los vecinos empadronados. El resultado "
                                            "es vinculante si participa al menos el 20 "
                                            "% de los empadronados y la mayoría vota a "
                                            "favor."
                                        ),
                                    ],
                                    [
                                        "A comunidades o autoridades indígenas",
                                        (
                                            "Cuando un asunto afecte en particular los "
                                            "derechos e intereses de las comunidades "
                                            "indígenas, el Concejo debe realizar "
                                            "consultas a solicitud de sus autoridades "
                                            "propias, aplicando sus criterios."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "importante",
                                "text": (
                                    "<p>Antes de organizar una consulta, revise con la "
                                    "asesoría jurídica de la municipalidad el texto "
                                    "vigente del Código Municipal y sus reformas, y "
                                    "documente cada paso en actas.</p>"
                                ),
                            },
                        ),
                        ("heading", "Buenas prácticas de participación"),
                        (
                            "paragraph",
                            (
                                "<p>La participación funciona mejor cuando la "
                                "población tiene información, tiempo y confianza. "
                                "Algunas prácticas que ayudan:</p><ol><li><b>Convocar "
                                "con anticipación</b>, por los medios que la gente "
                                "usa: radio, cartelera, líderes comunitarios, mensajes "
                                "de teléfono.</li><li><b>Hablar en el idioma de la "
                                "comunidad</b> y con lenguaje sencillo, con apoyo de "
                                "intérpretes cuando haga falta.</li><li><b>Elegir "
                                "horarios y lugares accesibles</b>, que permitan "
                                "participar a mujeres, jóvenes y personas que trabajan "
                                "en el campo.</li><li><b>Compartir la información "
                                "antes de la reunión</b>, no solo durante "
                                "ella.</li><li><b>Levantar actas</b> y publicar los "
                                "acuerdos.</li><li><b>Devolver los resultados</b>: "
                                "explicar qué se hizo con las propuestas y por "
                                "qué.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "ejemplo",
                                "text": (
                                    "<p>Antes de la reunión del COMUDE en la que se "
                                    "priorizarán las obras del próximo año, la "
                                    "Dirección Municipal de Planificación envía a cada "
                                    "COCODE un resumen de una página con los proyectos "
                                    "propuestos, su costo estimado y el presupuesto "
                                    "disponible. Después de la reunión, publica en la "
                                    "cartelera la lista priorizada y el acta. Los "
                                    "representantes comunitarios llegan informados y "
                                    "luego pueden explicar los acuerdos en sus "
                                    "comunidades.</p>"
                                ),
                            },
                        ),
                    ],
                },
            ],
            "quiz": {
                "title": "Evaluación del módulo 4",
                "slug": "evaluacion-modulo-4",
                "instructions": (
                    "Responda las preguntas sobre el Sistema de Consejos de Desarrollo "
                    "y la participación ciudadana. Algunas preguntas tienen más de una "
                    "respuesta correcta."
                ),
                "questions": [
                    {
                        "type": "multiple",
                        "prompt": (
                            "¿Cuáles son niveles del Sistema de Consejos de Desarrollo?"
                        ),
                        "points": 1,
                        "explanation": (
                            "El Decreto 11-2002 organiza el sistema en cinco niveles: "
                            "nacional, regional, departamental, municipal y "
                            "comunitario."
                        ),
                        "choices": [
                            {
                                "text": "Nacional",
                                "correct": True,
                                "feedback": "Correcto. Corresponde al CONADUR.",
                            },
                            {
                                "text": "Municipal",
                                "correct": True,
                                "feedback": "Correcto. Corresponde al COMUDE.",
                            },
                            {
                                "text": "Comunitario",
                                "correct": True,
                                "feedback": "Correcto. Corresponde al COCODE.",
                            },
                            {
                                "text": "Centroamericano",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El sistema es nacional; no tiene un "
                                    "nivel centroamericano."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿Quién coordina el Consejo Municipal de Desarrollo "
                            "(COMUDE)?"
                        ),
                        "points": 1,
                        "explanation": (
                            "El artículo 11 del Decreto 11-2002 establece que el "
                            "alcalde municipal coordina el COMUDE."
                        ),
                        "choices": [
                            {
                                "text": "El alcalde municipal",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "El gobernador departamental",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El gobernador preside el CODEDE, no "
                                    "el COMUDE."
                                ),
                            },
                            {
                                "text": "El representante de COCODE con más votos",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Los COCODE participan, pero no "
                                    "coordinan el COMUDE."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿Hasta cuántos representantes de los COCODE pueden "
                            "integrar el COMUDE?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Según el artículo 11 del Decreto 11-2002, hasta veinte "
                            "representantes, designados por los coordinadores de los "
                            "COCODE."
                        ),
                        "choices": [
                            {
                                "text": "Hasta 20",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Hasta 5",
                                "correct": False,
                                "feedback": "Incorrecto. La ley permite hasta 20.",
                            },
                            {
                                "text": "Sin límite",
                                "correct": False,
                                "feedback": "Incorrecto. La ley fija un máximo de 20.",
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": "¿Cuál es el órgano de mayor jerarquía de un COCODE?",
                        "points": 1,
                        "explanation": (
                            "El artículo 14 del Decreto 11-2002 establece que la "
                            "Asamblea Comunitaria es el órgano de mayor jerarquía del "
                            "COCODE."
                        ),
                        "choices": [
                            {
                                "text": "La Asamblea Comunitaria",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Está integrada por los residentes de la "
                                    "comunidad."
                                ),
                            },
                            {
                                "text": "El Órgano de Coordinación",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El Órgano de Coordinación es electo "
                                    "por la Asamblea."
                                ),
                            },
                            {
                                "text": "El Concejo Municipal",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El Concejo no forma parte del COCODE."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "Una consulta a solicitud de los vecinos requiere la firma "
                            "de al menos el 10 % de los vecinos empadronados."
                        ),
                        "points": 1,
                        "explanation": (
                            "El Código Municipal (Título IV) exige ese porcentaje de "
                            "firmas para solicitar una consulta sobre asuntos de "
                            "carácter general."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Así lo establece el Código Municipal."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El Código Municipal sí fija ese "
                                    "requisito."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "El COCODE puede aprobar el presupuesto municipal en lugar "
                            "del Concejo Municipal."
                        ),
                        "points": 1,
                        "explanation": (
                            "El COCODE prioriza, propone y da seguimiento (artículo 14 "
                            "del Decreto 11-2002). La aprobación del presupuesto "
                            "corresponde al Concejo Municipal según el Código "
                            "Municipal."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El COCODE participa, pero no aprueba "
                                    "el presupuesto."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": True,
                                "feedback": (
                                    "Correcto. El presupuesto lo aprueba el Concejo "
                                    "Municipal."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "multiple",
                        "prompt": (
                            "¿Cuáles son buenas prácticas de participación ciudadana?"
                        ),
                        "points": 1,
                        "explanation": (
                            "La participación funciona mejor cuando la población "
                            "recibe información a tiempo, en su idioma, en horarios "
                            "accesibles y con devolución de resultados."
                        ),
                        "choices": [
                            {
                                "text": "Compartir la información antes de la reunión",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Así las personas llegan preparadas."
                                ),
                            },
                            {
                                "text": (
                                    "Usar el idioma de la comunidad y lenguaje sencillo"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Correcto. El Código Municipal reconoce el "
                                    "multilingüismo del municipio."
                                ),
                            },
                            {
                                "text": "Explicar qué se hizo con las propuestas",
                                "correct": True,
                                "feedback": "Correcto. La devolución genera confianza.",
                            },
                            {
                                "text": "Convocar el mismo día para evitar discusiones",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La convocatoria tardía limita la "
                                    "participación."
                                ),
                            },
                        ],
                    },
                ],
            },
        },
        {
            "title": "Módulo 5. Finanzas municipales y el papel del INFOM",
            "slug": "modulo-5-finanzas-municipales-infom",
            "summary": (
                "De dónde vienen los recursos municipales, cómo se publica y se rinde "
                "cuentas del presupuesto, y cómo apoya el INFOM a las municipalidades "
                "con asistencia técnica, administrativa y financiera."
            ),
            "lessons": [
                {
                    "title": "Los ingresos municipales: propios y transferencias",
                    "slug": "ingresos-municipales",
                    "minutes": 15,
                    "body": [
                        ("heading", "Dos grandes fuentes"),
                        (
                            "paragraph",
                            (
                                "<p>Las municipalidades financian sus servicios y "
                                "obras con dos grandes tipos de ingresos: los que "
                                "generan ellas mismas (<b>ingresos propios</b>) y los "
                                "que reciben del Estado (<b>transferencias</b>). "
                                "Conocer bien ambas fuentes es necesario para "
                                "planificar y para explicar a los vecinos de dónde "
                                "sale el dinero de cada obra.</p>"
                            ),
                        ),
                        (
                            "table",
                            {
                                "caption": "Principales ingresos municipales",
                                "header": ["Tipo", "Ejemplos", "Observaciones"],
                                "rows": [
                                    [
                                        "Ingresos propios",
                                        (
                                            "Tasas por servicios (agua, mercado, "
                                            "recolección de basura), arbitrios, rentas "
                                            "de bienes municipales, licencias, multas, "
                                            "contribuciones por mejoras."
                                        ),
                                        (
                                            "Los arbitrios, como todo tributo, "
                                            "requieren una ley del Congreso. Las tasas "
                                            "por servicios las fija el Concejo "
                                            "Municipal."
                                        ),
                                    ],
                                    [
                                        "Aporte constitucional",
                                        (
                                            "Asignación anual del 10 % del Presupuesto "
                                            "General de Ingresos Ordinarios del Estado "
                                            "para las municipalidades."
                                        ),
                                        (
                                            "Por lo menos el 90 % debe destinarse a "
                                            "inversión en educación, salud preventiva, "
                                            "infraestructura y servicios públicos."
                                        ),
                                    ],
                                    [
                                        "Otras transferencias por ley",
                                        (
                                            "Porcentajes de algunos impuestos que "
                                            "leyes específicas asignan a las "
                                            "municipalidades, como la parte del IVA "
                                            "conocida como IVA-Paz."
                                        ),
                                        (
                                            "Cada ley establece su propio destino y "
                                            "forma de distribución."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        ("heading", "El aporte constitucional"),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Constitución Política de la República de "
                                    "Guatemala (1985)"
                                ),
                                "article": (
                                    "Artículo 257. Asignación para las municipalidades"
                                ),
                                "quote": (
                                    "El Organismo Ejecutivo debe incluir anualmente en "
                                    "el Presupuesto General de Ingresos Ordinarios del "
                                    "Estado un diez por ciento del mismo para las "
                                    "municipalidades del país. Por lo menos el noventa "
                                    "por ciento de esa asignación debe destinarse a "
                                    "programas y proyectos de educación, salud "
                                    "preventiva, obras de infraestructura y servicios "
                                    "públicos que mejoren la calidad de vida de los "
                                    "habitantes; el diez por ciento restante puede "
                                    "usarse para gastos de funcionamiento. La "
                                    "distribución entre municipalidades se hace en la "
                                    "forma que la ley determine."
                                ),
                                "is_paraphrase": True,
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "importante",
                                "text": (
                                    "<p>El aporte constitucional tiene un <b>destino "
                                    "obligatorio</b>. Usar más del 10 % de esta "
                                    "asignación en gastos de funcionamiento, como "
                                    "salarios administrativos, contradice la "
                                    "Constitución. Por eso la DAFIM debe llevar un "
                                    "control claro del origen y del destino de cada "
                                    "fuente de financiamiento.</p>"
                                ),
                            },
                        ),
                        ("heading", "Por qué importan los ingresos propios"),
                        (
                            "paragraph",
                            (
                                "<p>Los ingresos propios dependen directamente de la "
                                "gestión municipal: de tener un registro actualizado "
                                "de contribuyentes y usuarios, de cobrar de forma "
                                "justa y ordenada, y de prestar buenos servicios. La "
                                "transparencia ayuda: cuando los vecinos ven en qué se "
                                "usa lo que pagan, es más fácil construir una cultura "
                                "de cumplimiento.</p><p>El Código Municipal dedica su "
                                "Título VI a las finanzas municipales. Consulte allí, "
                                "en su texto vigente, las reglas sobre ingresos, "
                                "presupuesto y endeudamiento.</p>"
                            ),
                        ),
                    ],
                },
                {
                    "title": "Presupuesto municipal, publicidad y rendición de cuentas",
                    "slug": "presupuesto-publicidad-rendicion-de-cuentas",
                    "minutes": 15,
                    "body": [
                        ("heading", "El ciclo del presupuesto"),
                        (
                            "paragraph",
                            (
                                "<p>El presupuesto municipal es el plan financiero del "
                                "año: dice cuánto se espera recibir y en qué se va a "
                                "gastar. Su ciclo tiene varias etapas, y en cada una "
                                "hay oportunidades de transparencia y "
                                "participación:</p><ol><li><b>Formulación</b>: la "
                                "DAFIM y la DMP preparan el proyecto con base en los "
                                "planes y en las prioridades acordadas con el "
                                "COMUDE.</li><li><b>Aprobación</b>: el Concejo "
                                "Municipal discute y aprueba el "
                                "presupuesto.</li><li><b>Ejecución</b>: la "
                                "municipalidad recauda, contrata y paga según lo "
                                "aprobado, y registra cada "
                                "operación.</li><li><b>Seguimiento y cierre</b>: se "
                                "informa el avance, se hacen las modificaciones que "
                                "correspondan conforme a la ley y se cierra el "
                                "ejercicio.</li><li><b>Control</b>: la Contraloría "
                                "General de Cuentas fiscaliza, y los vecinos pueden "
                                "pedir información en todo momento.</li></ol>"
                            ),
                        ),
                        ("heading", "¿Dónde se publica la información financiera?"),
                        (
                            "table",
                            {
                                "caption": (
                                    "Medios de publicidad de las finanzas municipales"
                                ),
                                "header": ["Medio", "Qué se encuentra"],
                                "rows": [
                                    [
                                        (
                                            "Información pública de oficio de la "
                                            "municipalidad"
                                        ),
                                        (
                                            "Presupuesto aprobado, modificaciones, "
                                            "informes de ejecución y compras, según el "
                                            "artículo 10 del Decreto 57-2008."
                                        ),
                                    ],
                                    [
                                        (
                                            "Portal de Transparencia Presupuestaria "
                                            "del Ministerio de Finanzas Públicas "
                                            "(sección Gobiernos Locales)"
                                        ),
                                        (
                                            "Información sobre presupuesto y gasto de "
                                            "municipalidades y mancomunidades, a "
                                            "partir de lo que reportan al Sistema de "
                                            "Administración Financiera (SIAF)."
                                        ),
                                    ],
                                    [
                                        "Guatecompras",
                                        (
                                            "Los procesos de compras y contrataciones "
                                            "públicas, incluidas las de las "
                                            "municipalidades."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Las municipalidades deben informar al Ministerio "
                                "de Finanzas Públicas, al Congreso de la República y a "
                                "la Contraloría General de Cuentas sus presupuestos "
                                "aprobados y su ejecución. La Ley Orgánica del "
                                "Presupuesto (Decreto 101-97) y sus reformas contienen "
                                "también obligaciones de transparencia para las "
                                "entidades que manejan fondos públicos.</p>"
                            ),
                        ),
                        (
                            "faq",
                            [
                                {
                                    "question": (
                                        "¿Basta con subir el presupuesto al portal?"
                                    ),
                                    "answer": (
                                        "<p>No. Publicar es el primer paso. Rendir "
                                        "cuentas significa además <b>explicar</b>: qué "
                                        "se planificó, qué se logró, qué no y por qué. "
                                        "Un informe breve, en lenguaje sencillo, "
                                        "presentado ante el COMUDE y difundido por "
                                        "radio o cartelera, llega a más personas que "
                                        "un archivo extenso en internet.</p>"
                                    ),
                                },
                                {
                                    "question": (
                                        "¿Qué debe contener un buen informe de "
                                        "rendición de cuentas?"
                                    ),
                                    "answer": (
                                        "<p>Como mínimo: ingresos recibidos por "
                                        "fuente, gastos por programa u obra, avance "
                                        "físico y financiero de los proyectos, y las "
                                        "dificultades encontradas. Conviene incluir "
                                        "cuadros sencillos y fotografías de las "
                                        "obras.</p>"
                                    ),
                                },
                                {
                                    "question": (
                                        "¿Puede un vecino pedir documentos de una obra?"
                                    ),
                                    "answer": (
                                        "<p>Sí. Contratos, pagos, informes de "
                                        "supervisión y actas de recepción de obras son "
                                        "información pública, que puede solicitarse a "
                                        "la Unidad de Información Pública conforme al "
                                        "Decreto 57-2008.</p>"
                                    ),
                                },
                            ],
                        ),
                    ],
                },
                {
                    "title": "El INFOM: naturaleza y servicios a las municipalidades",
                    "slug": "infom-naturaleza-y-servicios",
                    "minutes": 15,
                    "body": [
                        ("heading", "Una institución al servicio de los municipios"),
                        (
                            "paragraph",
                            (
                                "<p>El <b>Instituto de Fomento Municipal (INFOM)</b> "
                                "es una entidad autónoma del Estado, creada en 1957 "
                                "mediante el Decreto 1132 del Congreso de la "
                                "República, que contiene su Ley Orgánica. Su finalidad "
                                "es promover el desarrollo de los municipios del país "
                                "mediante asistencia <b>técnica, administrativa y "
                                "financiera</b> a los gobiernos locales.</p>"
                            ),
                        ),
                        (
                            "legal_reference",
                            {
                                "law": (
                                    "Ley Orgánica del INFOM, Decreto 1132 del Congreso "
                                    "(1957)"
                                ),
                                "article": "Objeto del Instituto",
                                "quote": (
                                    "El INFOM tiene por objeto promover el progreso de "
                                    "los municipios, dando asistencia técnica y "
                                    "financiera a las municipalidades en la "
                                    "realización de programas básicos de obras y "
                                    "servicios públicos, en la explotación racional de "
                                    "los bienes y empresas municipales, en la "
                                    "organización de la hacienda y la administración "
                                    "municipal y, en general, en el desarrollo de la "
                                    "economía de los municipios."
                                ),
                                "is_paraphrase": True,
                            },
                        ),
                        ("heading", "¿Cómo apoya el INFOM a las municipalidades?"),
                        (
                            "table",
                            {
                                "caption": "Tipos de apoyo del INFOM",
                                "header": ["Tipo de asistencia", "Ejemplos"],
                                "rows": [
                                    [
                                        "Financiera",
                                        (
                                            "Créditos a las municipalidades para obras "
                                            "y servicios públicos, otorgados conforme "
                                            "a la ley y a la capacidad de pago de cada "
                                            "municipalidad."
                                        ),
                                    ],
                                    [
                                        "Técnica",
                                        (
                                            "Apoyo en la preparación y ejecución de "
                                            "proyectos, incluidos los de agua y "
                                            "saneamiento por medio de la Unidad "
                                            "Ejecutora del Programa de Acueductos "
                                            "Rurales (UNEPAR), adscrita al INFOM desde "
                                            "1997."
                                        ),
                                    ],
                                    [
                                        "Administrativa",
                                        (
                                            "Fortalecimiento de la gestión municipal: "
                                            "organización, finanzas, servicios y, como "
                                            "parte de su estrategia, Gobierno Abierto."
                                        ),
                                    ],
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "nota",
                                "text": (
                                    "<p>Un préstamo a una municipalidad compromete "
                                    "ingresos futuros. Por eso debe aprobarse conforme "
                                    "al Código Municipal y demás leyes aplicables, y "
                                    "su información (monto, plazo, destino y pagos) es "
                                    "pública. Informar a los vecinos sobre el "
                                    "endeudamiento es parte de la rendición de "
                                    "cuentas.</p>"
                                ),
                            },
                        ),
                        ("heading", "El INFOM y el Gobierno Abierto"),
                        (
                            "paragraph",
                            (
                                "<p>Como vio en el Módulo 1, el INFOM impulsa el "
                                "Gobierno Abierto en los municipios con tres líneas de "
                                "trabajo: diagnóstico, construcción de instrumentos y "
                                "transferencia de capacidades. El INFOM también es un "
                                "sujeto obligado de la Ley de Acceso a la Información "
                                "Pública: publica su propia información de oficio y "
                                "atiende solicitudes, igual que las "
                                "municipalidades.</p><p>Este diplomado es parte de esa "
                                "transferencia de capacidades. Al terminarlo, le "
                                "invitamos a compartir lo aprendido con su equipo y a "
                                "identificar una mejora concreta de transparencia que "
                                "su municipalidad pueda aplicar este año.</p>"
                            ),
                        ),
                    ],
                },
            ],
            "quiz": {
                "title": "Evaluación del módulo 5",
                "slug": "evaluacion-modulo-5",
                "instructions": (
                    "Responda las preguntas sobre las finanzas municipales y el papel "
                    "del INFOM. Algunas preguntas tienen más de una respuesta correcta."
                ),
                "questions": [
                    {
                        "type": "single",
                        "prompt": (
                            "¿Qué porcentaje del Presupuesto General de Ingresos "
                            "Ordinarios del Estado asigna la Constitución a las "
                            "municipalidades?"
                        ),
                        "points": 1,
                        "explanation": (
                            "El artículo 257 de la Constitución establece una "
                            "asignación del 10 % del Presupuesto General de Ingresos "
                            "Ordinarios del Estado para las municipalidades."
                        ),
                        "choices": [
                            {
                                "text": "10 %",
                                "correct": True,
                                "feedback": "Correcto. Es el aporte constitucional.",
                            },
                            {
                                "text": "5 %",
                                "correct": False,
                                "feedback": "Incorrecto. El porcentaje es 10 %.",
                            },
                            {
                                "text": "20 %",
                                "correct": False,
                                "feedback": "Incorrecto. El porcentaje es 10 %.",
                            },
                            {
                                "text": "90 %",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. 90 % es la parte mínima para "
                                    "inversión dentro del aporte."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "Del aporte constitucional, ¿qué parte como mínimo debe "
                            "destinarse a programas y proyectos de inversión?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Según el artículo 257 de la Constitución, por lo menos el "
                            "90 % se destina a educación, salud preventiva, "
                            "infraestructura y servicios públicos; el 10 % restante "
                            "puede usarse en funcionamiento."
                        ),
                        "choices": [
                            {
                                "text": "Por lo menos el 90 %",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Por lo menos el 50 %",
                                "correct": False,
                                "feedback": "Incorrecto. Es el 90 %.",
                            },
                            {
                                "text": "No tiene destino definido",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La Constitución fija su destino."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "multiple",
                        "prompt": "¿Cuáles son ingresos propios de una municipalidad?",
                        "points": 1,
                        "explanation": (
                            "Los ingresos propios provienen de la gestión municipal: "
                            "tasas, arbitrios, rentas, licencias, multas y "
                            "contribuciones por mejoras. El aporte constitucional es "
                            "una transferencia."
                        ),
                        "choices": [
                            {
                                "text": "Tasas por servicios como el agua o el mercado",
                                "correct": True,
                                "feedback": "Correcto. Las fija el Concejo Municipal.",
                            },
                            {
                                "text": "Rentas de bienes municipales",
                                "correct": True,
                                "feedback": "Correcto. Son ingresos propios.",
                            },
                            {
                                "text": "Multas",
                                "correct": True,
                                "feedback": "Correcto. También son ingresos propios.",
                            },
                            {
                                "text": "El aporte constitucional",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Es una transferencia del Estado "
                                    "(artículo 257 de la Constitución)."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "El INFOM es una entidad autónoma del Estado creada "
                            "mediante el Decreto 1132 del Congreso."
                        ),
                        "points": 1,
                        "explanation": (
                            "El INFOM fue creado en 1957 mediante el Decreto 1132, que "
                            "contiene su Ley Orgánica."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Falso",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El INFOM sí fue creado por el Decreto "
                                    "1132."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "multiple",
                        "prompt": (
                            "¿Qué tipos de asistencia brinda el INFOM a las "
                            "municipalidades?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Según su Ley Orgánica (Decreto 1132), el INFOM brinda "
                            "asistencia técnica, administrativa y financiera a las "
                            "municipalidades."
                        ),
                        "choices": [
                            {
                                "text": "Técnica",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Financiera, incluidos créditos",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Administrativa",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Aprobar el presupuesto de cada municipalidad",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. El presupuesto lo aprueba el Concejo "
                                    "Municipal."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single",
                        "prompt": (
                            "¿Dónde se publican los procesos de compras y "
                            "contrataciones públicas de las municipalidades?"
                        ),
                        "points": 1,
                        "explanation": (
                            "Las compras y contrataciones públicas se publican en "
                            "Guatecompras; además, el artículo 10 del Decreto 57-2008 "
                            "exige publicar información sobre contrataciones como "
                            "información de oficio."
                        ),
                        "choices": [
                            {
                                "text": "En Guatecompras",
                                "correct": True,
                                "feedback": "Correcto.",
                            },
                            {
                                "text": "Solo en el libro de actas del Concejo",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Las compras deben publicarse en "
                                    "Guatecompras."
                                ),
                            },
                            {
                                "text": "En ningún lugar: son información reservada",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. Las compras públicas son información "
                                    "pública."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": (
                            "Rendir cuentas es lo mismo que publicar el presupuesto en "
                            "el portal."
                        ),
                        "points": 1,
                        "explanation": (
                            "Publicar es el primer paso; rendir cuentas implica además "
                            "explicar resultados y responder preguntas de la población."
                        ),
                        "choices": [
                            {
                                "text": "Verdadero",
                                "correct": False,
                                "feedback": (
                                    "Incorrecto. La rendición de cuentas incluye "
                                    "explicar y responder."
                                ),
                            },
                            {
                                "text": "Falso",
                                "correct": True,
                                "feedback": (
                                    "Correcto. Publicar es necesario, pero no "
                                    "suficiente."
                                ),
                            },
                        ],
                    },
                ],
            },
        },
    ],
    "final_exam": {
        "title": "Examen final",
        "slug": "examen-final",
        "instructions": (
            "Este examen reúne preguntas de los {modulos_tematicos} módulos temáticos "
            "del diplomado. Lea cada "
            "pregunta con calma. En las preguntas de selección múltiple puede haber "
            "más de una respuesta correcta. Al terminar, revise la explicación de cada "
            "pregunta: le indica la ley o el artículo en que se basa."
        ),
        "questions": [
            {
                "type": "single",
                "prompt": "¿Cuál de estos NO es un principio del Gobierno Abierto?",
                "points": 1,
                "explanation": (
                    "Los principios promovidos por la Alianza para el Gobierno Abierto "
                    "son transparencia, participación ciudadana, rendición de cuentas "
                    "y tecnología e innovación."
                ),
                "choices": [
                    {
                        "text": "Secreto administrativo",
                        "correct": True,
                        "feedback": (
                            "Correcto. Es lo contrario del Gobierno Abierto; la "
                            "Constitución establece que los actos de la administración "
                            "son públicos (artículo 30)."
                        ),
                    },
                    {
                        "text": "Transparencia",
                        "correct": False,
                        "feedback": "Incorrecto. Sí es un principio.",
                    },
                    {
                        "text": "Rendición de cuentas",
                        "correct": False,
                        "feedback": "Incorrecto. Sí es un principio.",
                    },
                    {
                        "text": "Participación ciudadana",
                        "correct": False,
                        "feedback": "Incorrecto. Sí es un principio.",
                    },
                ],
            },
            {
                "type": "true_false",
                "prompt": (
                    "Guatemala se incorporó a la Alianza para el Gobierno Abierto en "
                    "2011."
                ),
                "points": 1,
                "explanation": (
                    "Guatemala se incorporó a la Alianza en 2011, año en que se lanzó "
                    "la iniciativa."
                ),
                "choices": [
                    {"text": "Verdadero", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "Falso",
                        "correct": False,
                        "feedback": "Incorrecto. Guatemala se incorporó en 2011.",
                    },
                ],
            },
            {
                "type": "single",
                "prompt": (
                    "La estrategia de Gobierno Abierto del INFOM incluye diagnóstico, "
                    "construcción de instrumentos y:"
                ),
                "points": 1,
                "explanation": (
                    "La tercera línea de trabajo es la transferencia de capacidades al "
                    "personal municipal."
                ),
                "choices": [
                    {
                        "text": "Transferencia de capacidades",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Intervención de las finanzas municipales",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. El INFOM respeta la autonomía municipal."
                        ),
                    },
                    {
                        "text": "Elección de autoridades municipales",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. Las autoridades se eligen por sufragio "
                            "universal."
                        ),
                    },
                ],
            },
            {
                "type": "single",
                "prompt": (
                    "¿Qué decreto contiene la Ley de Acceso a la Información Pública?"
                ),
                "points": 1,
                "explanation": (
                    "La Ley de Acceso a la Información Pública es el Decreto 57-2008 "
                    "del Congreso de la República."
                ),
                "choices": [
                    {
                        "text": "Decreto 57-2008",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Decreto 12-2002",
                        "correct": False,
                        "feedback": "Incorrecto. Es el Código Municipal.",
                    },
                    {
                        "text": "Decreto 11-2002",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. Es la Ley de los Consejos de Desarrollo "
                            "Urbano y Rural."
                        ),
                    },
                    {
                        "text": "Decreto 1132",
                        "correct": False,
                        "feedback": "Incorrecto. Es la Ley Orgánica del INFOM.",
                    },
                ],
            },
            {
                "type": "single",
                "prompt": (
                    "¿Cómo se llama la información que la municipalidad debe publicar "
                    "sin que nadie la pida?"
                ),
                "points": 1,
                "explanation": (
                    "El artículo 10 del Decreto 57-2008 regula la información pública "
                    "de oficio."
                ),
                "choices": [
                    {
                        "text": "Información pública de oficio",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Información reservada",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. La reservada es una excepción al acceso."
                        ),
                    },
                    {
                        "text": "Información confidencial",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. La confidencial protege principalmente datos "
                            "de personas."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "prompt": (
                    "Si el volumen de la información lo justifica, el plazo de "
                    "respuesta puede ampliarse hasta por 10 días más."
                ),
                "points": 1,
                "explanation": (
                    "El artículo 43 del Decreto 57-2008 permite una prórroga de hasta "
                    "10 días, avisando al solicitante antes de que venza el plazo."
                ),
                "choices": [
                    {"text": "Verdadero", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "Falso",
                        "correct": False,
                        "feedback": "Incorrecto. La ley sí permite esa prórroga.",
                    },
                ],
            },
            {
                "type": "single",
                "prompt": (
                    "Consultar información pública en las oficinas de la municipalidad:"
                ),
                "points": 1,
                "explanation": (
                    "Según el artículo 18 del Decreto 57-2008, la consulta es gratuita "
                    "y solo se cobran los gastos de reproducción."
                ),
                "choices": [
                    {"text": "Es gratuito", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "Tiene un costo fijo por consulta",
                        "correct": False,
                        "feedback": "Incorrecto. La consulta es gratuita.",
                    },
                    {
                        "text": "Solo es gratuito para vecinos del municipio",
                        "correct": False,
                        "feedback": "Incorrecto. La gratuidad aplica a toda persona.",
                    },
                ],
            },
            {
                "type": "multiple",
                "prompt": (
                    "¿Qué obligaciones tienen los sujetos obligados respecto de los "
                    "datos personales, según el artículo 30 del Decreto 57-2008?"
                ),
                "points": 1,
                "explanation": (
                    "El artículo 30 (hábeas data) obliga a administrar solo datos "
                    "adecuados y pertinentes, procurar que sean exactos y adoptar "
                    "medidas de seguridad, entre otras obligaciones."
                ),
                "choices": [
                    {
                        "text": (
                            "Administrar datos personales solo cuando sean adecuados, "
                            "pertinentes y no excesivos"
                        ),
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": (
                            "Procurar que los datos personales sean exactos y "
                            "actualizados"
                        ),
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": (
                            "Adoptar medidas que garanticen la seguridad de los datos"
                        ),
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Venderlos a empresas para financiar servicios",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. La ley prohíbe comercializar los datos "
                            "personales sin consentimiento expreso del titular."
                        ),
                    },
                ],
            },
            {
                "type": "single",
                "prompt": (
                    "¿Quién es la autoridad reguladora de la Ley de Acceso a la "
                    "Información Pública?"
                ),
                "points": 1,
                "explanation": (
                    "El Decreto 57-2008 designa al Procurador de los Derechos Humanos "
                    "como autoridad reguladora de la ley."
                ),
                "choices": [
                    {
                        "text": "El Procurador de los Derechos Humanos",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "El INFOM",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. El INFOM es también un sujeto obligado."
                        ),
                    },
                    {
                        "text": "El Concejo Municipal",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. El Concejo es parte de un sujeto obligado."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "prompt": (
                    "El recurso de revisión puede presentarse dentro de los 15 días "
                    "siguientes a la notificación de la respuesta."
                ),
                "points": 1,
                "explanation": (
                    "Los artículos 54 a 60 del Decreto 57-2008 regulan el recurso de "
                    "revisión; el plazo para presentarlo es de 15 días."
                ),
                "choices": [
                    {"text": "Verdadero", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "Falso",
                        "correct": False,
                        "feedback": "Incorrecto. Ese es el plazo que fija la ley.",
                    },
                ],
            },
            {
                "type": "single",
                "prompt": (
                    "Según el Código Municipal, el municipio es el espacio inmediato "
                    "de:"
                ),
                "points": 1,
                "explanation": (
                    "El artículo 2 del Código Municipal define al municipio como "
                    "espacio inmediato de participación ciudadana en los asuntos "
                    "públicos."
                ),
                "choices": [
                    {
                        "text": "Participación ciudadana en los asuntos públicos",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Recaudación de impuestos nacionales",
                        "correct": False,
                        "feedback": "Incorrecto. Esa no es la definición del Código.",
                    },
                    {
                        "text": "Administración del Organismo Judicial",
                        "correct": False,
                        "feedback": "Incorrecto. El municipio es autónomo y local.",
                    },
                ],
            },
            {
                "type": "multiple",
                "prompt": "¿Quiénes integran el Concejo Municipal?",
                "points": 1,
                "explanation": (
                    "Según el artículo 254 de la Constitución, el Concejo se integra "
                    "con el alcalde, los síndicos y los concejales."
                ),
                "choices": [
                    {"text": "El alcalde", "correct": True, "feedback": "Correcto."},
                    {"text": "Los síndicos", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "Los concejales",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "El director de la DAFIM",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. La DAFIM es una dependencia administrativa."
                        ),
                    },
                ],
            },
            {
                "type": "single",
                "prompt": (
                    "¿Qué dependencia municipal elabora las actas de las sesiones del "
                    "Concejo?"
                ),
                "points": 1,
                "explanation": (
                    "El Código Municipal asigna a la Secretaría Municipal la "
                    "elaboración de actas y la emisión de certificaciones."
                ),
                "choices": [
                    {
                        "text": "La Secretaría Municipal",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "La DMP",
                        "correct": False,
                        "feedback": "Incorrecto. La DMP se ocupa de la planificación.",
                    },
                    {
                        "text": "La DAFIM",
                        "correct": False,
                        "feedback": "Incorrecto. La DAFIM administra las finanzas.",
                    },
                ],
            },
            {
                "type": "true_false",
                "prompt": (
                    "La autonomía municipal exime a la municipalidad de rendir cuentas."
                ),
                "points": 1,
                "explanation": (
                    "La autonomía (artículo 253 de la Constitución y artículo 3 del "
                    "Código Municipal) no elimina las obligaciones de transparencia ni "
                    "la fiscalización de la Contraloría General de Cuentas."
                ),
                "choices": [
                    {
                        "text": "Verdadero",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. Autonomía y rendición de cuentas van juntas."
                        ),
                    },
                    {
                        "text": "Falso",
                        "correct": True,
                        "feedback": (
                            "Correcto. La municipalidad autónoma sigue obligada a "
                            "informar."
                        ),
                    },
                ],
            },
            {
                "type": "single",
                "prompt": "¿Qué ley organiza el Sistema de Consejos de Desarrollo?",
                "points": 1,
                "explanation": (
                    "El Sistema de Consejos de Desarrollo está regulado en la Ley de "
                    "los Consejos de Desarrollo Urbano y Rural, Decreto 11-2002."
                ),
                "choices": [
                    {
                        "text": "Decreto 11-2002",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Decreto 14-2002",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. Es la Ley General de Descentralización."
                        ),
                    },
                    {
                        "text": "Decreto 57-2008",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. Es la Ley de Acceso a la Información Pública."
                        ),
                    },
                ],
            },
            {
                "type": "single",
                "prompt": "¿Cómo se integra un COCODE?",
                "points": 1,
                "explanation": (
                    "El artículo 13 del Decreto 11-2002 establece que el COCODE se "
                    "integra por la Asamblea Comunitaria y el Órgano de Coordinación."
                ),
                "choices": [
                    {
                        "text": "Asamblea Comunitaria y Órgano de Coordinación",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Alcalde, síndicos y concejales",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. Esa es la integración del Concejo Municipal."
                        ),
                    },
                    {
                        "text": "Representantes de ministerios únicamente",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. El COCODE lo integran los residentes de la "
                            "comunidad."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "prompt": (
                    "El resultado de una consulta a solicitud de los vecinos es "
                    "vinculante si participa al menos el 20 % de los vecinos "
                    "empadronados y la mayoría vota a favor."
                ),
                "points": 1,
                "explanation": (
                    "Así lo establece el Título IV del Código Municipal para las "
                    "consultas a solicitud de los vecinos."
                ),
                "choices": [
                    {"text": "Verdadero", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "Falso",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. El Código Municipal sí fija esa regla."
                        ),
                    },
                ],
            },
            {
                "type": "multiple",
                "prompt": "¿Cuáles son transferencias que reciben las municipalidades?",
                "points": 1,
                "explanation": (
                    "El aporte constitucional (artículo 257 de la Constitución) y los "
                    "porcentajes de impuestos asignados por leyes específicas, como el "
                    "IVA-Paz, son transferencias. Las tasas son ingresos propios."
                ),
                "choices": [
                    {
                        "text": "El aporte constitucional",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {"text": "El IVA-Paz", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "Las tasas por el servicio de agua",
                        "correct": False,
                        "feedback": "Incorrecto. Son ingresos propios.",
                    },
                ],
            },
            {
                "type": "single",
                "prompt": "¿En qué año fue creado el INFOM?",
                "points": 1,
                "explanation": (
                    "El INFOM fue creado en 1957 mediante el Decreto 1132 del Congreso "
                    "de la República."
                ),
                "choices": [
                    {"text": "1957", "correct": True, "feedback": "Correcto."},
                    {
                        "text": "1985",
                        "correct": False,
                        "feedback": "Incorrecto. 1985 es el año de la Constitución.",
                    },
                    {
                        "text": "2002",
                        "correct": False,
                        "feedback": "Incorrecto. 2002 es el año del Código Municipal.",
                    },
                ],
            },
            {
                "type": "multiple",
                "prompt": (
                    "¿Dónde puede un vecino encontrar información sobre las finanzas "
                    "de su municipalidad?"
                ),
                "points": 1,
                "explanation": (
                    "La información financiera está en la información pública de "
                    "oficio de la municipalidad (artículo 10 del Decreto 57-2008), en "
                    "el Portal de Transparencia Presupuestaria del Ministerio de "
                    "Finanzas Públicas y, para las compras, en Guatecompras."
                ),
                "choices": [
                    {
                        "text": (
                            "En la información pública de oficio de la municipalidad"
                        ),
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": (
                            "En el Portal de Transparencia Presupuestaria del "
                            "Ministerio de Finanzas Públicas"
                        ),
                        "correct": True,
                        "feedback": "Correcto. Tiene una sección de Gobiernos Locales.",
                    },
                    {
                        "text": "En Guatecompras, para las compras",
                        "correct": True,
                        "feedback": "Correcto.",
                    },
                    {
                        "text": "Solo mediante una orden judicial",
                        "correct": False,
                        "feedback": (
                            "Incorrecto. Es información pública y no requiere orden "
                            "judicial."
                        ),
                    },
                ],
            },
        ],
    },
}

STAFF_COURSES = [
    {
        "title": "Inducción al modelo de Gobierno Abierto del INFOM",
        "slug": "induccion-modelo-gobierno-abierto-infom",
        "kind": "obligatoria",
        "audience": "infom",
        "hours": 4,
        "summary": (
            "Capacitación obligatoria para el personal del INFOM: conceptos de "
            "Gobierno Abierto, marco legal, mandato del INFOM y forma de trabajo con "
            "las municipalidades."
        ),
        "description": (
            "<p>Esta capacitación presenta al personal del INFOM el modelo de "
            "<b>Gobierno Abierto</b> que la institución impulsa con las "
            "municipalidades. Explica los principios, el marco legal básico y las tres "
            "líneas de trabajo de la estrategia: <i>diagnóstico</i>, <i>construcción "
            "de instrumentos</i> y <i>transferencia de "
            "capacidades</i>.</p><ul><li>Duración estimada: 4 horas.</li><li>Incluye "
            "una evaluación final de 5 preguntas.</li></ul>"
        ),
        "objectives": [
            (
                "Explicar los cuatro principios del Gobierno Abierto y su base legal "
                "en Guatemala."
            ),
            "Describir el mandato del INFOM según su Ley Orgánica (Decreto 1132).",
            (
                "Aplicar las tres líneas de trabajo de la estrategia en el "
                "acompañamiento a municipalidades."
            ),
            (
                "Actuar con respeto a la autonomía municipal y con buenas prácticas de "
                "servicio."
            ),
        ],
        "modules": [
            {
                "title": "Módulo 1. Fundamentos",
                "slug": "modulo-1-fundamentos",
                "summary": (
                    "Conceptos de Gobierno Abierto, marco legal y mandato del INFOM."
                ),
                "lessons": [
                    {
                        "title": "Gobierno Abierto: conceptos y marco legal",
                        "slug": "conceptos-y-marco-legal",
                        "minutes": 20,
                        "body": [
                            ("heading", "Los principios"),
                            (
                                "paragraph",
                                (
                                    "<p>El Gobierno Abierto es una forma de gestionar "
                                    "lo público basada en cuatro principios: "
                                    "<b>transparencia</b>, <b>participación "
                                    "ciudadana</b>, <b>rendición de cuentas</b> y "
                                    "<b>tecnología e innovación</b>. Son los "
                                    "principios que promueve la Alianza para el "
                                    "Gobierno Abierto, iniciativa internacional "
                                    "lanzada en 2011 a la que Guatemala se incorporó "
                                    "ese mismo año. Desde entonces, el país ha "
                                    "elaborado planes de acción nacionales junto con "
                                    "la sociedad civil.</p>"
                                ),
                            ),
                            ("heading", "El marco legal que usted debe conocer"),
                            (
                                "table",
                                {
                                    "caption": (
                                        "Normas básicas para el trabajo de Gobierno "
                                        "Abierto con municipalidades"
                                    ),
                                    "header": ["Norma", "Qué regula"],
                                    "rows": [
                                        [
                                            (
                                                "Constitución Política (1985), "
                                                "artículos 30 y 31"
                                            ),
                                            (
                                                "Publicidad de los actos "
                                                "administrativos y acceso de cada "
                                                "persona a sus datos en registros "
                                                "estatales."
                                            ),
                                        ],
                                        [
                                            (
                                                "Constitución Política, artículos 253 "
                                                "a 262"
                                            ),
                                            (
                                                "Régimen municipal: autonomía, "
                                                "gobierno municipal, aporte "
                                                "constitucional (artículo 257) y otros "
                                                "temas."
                                            ),
                                        ],
                                        [
                                            "Decreto 57-2008",
                                            "Ley de Acceso a la Información Pública.",
                                        ],
                                        [
                                            (
                                                "Decreto 12-2002 y sus reformas (entre "
                                                "ellas el Decreto 22-2010)"
                                            ),
                                            "Código Municipal.",
                                        ],
                                        [
                                            "Decreto 11-2002",
                                            (
                                                "Ley de los Consejos de Desarrollo "
                                                "Urbano y Rural."
                                            ),
                                        ],
                                        [
                                            "Decreto 14-2002",
                                            "Ley General de Descentralización.",
                                        ],
                                        ["Decreto 1132", "Ley Orgánica del INFOM."],
                                    ],
                                },
                            ),
                            (
                                "legal_reference",
                                {
                                    "law": (
                                        "Constitución Política de la República de "
                                        "Guatemala (1985)"
                                    ),
                                    "article": "Artículo 31 (fragmento)",
                                    "quote": (
                                        "Toda persona tiene el derecho de conocer lo "
                                        "que de ella conste en archivos, fichas o "
                                        "cualquier otra forma de registros estatales, "
                                        "y la finalidad a que se dedica esta "
                                        "información, así como a corrección, "
                                        "rectificación y actualización."
                                    ),
                                    "is_paraphrase": False,
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "importante",
                                    "text": (
                                        "<p>Cuando prepare materiales para "
                                        "municipalidades, cite siempre la ley por su "
                                        "número de decreto y verifique el texto "
                                        "vigente. No incluya cifras, fechas ni citas "
                                        "que no pueda respaldar con una fuente "
                                        "oficial.</p>"
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Recuerde que el INFOM también es un sujeto "
                                    "obligado de la Ley de Acceso a la Información "
                                    "Pública. Predicar con el ejemplo es parte del "
                                    "modelo: la institución publica su información de "
                                    "oficio y atiende solicitudes en los plazos de la "
                                    "ley.</p>"
                                ),
                            ),
                            ("heading", "Por qué importa en su trabajo diario"),
                            (
                                "paragraph",
                                (
                                    "<p>Cada vez que usted visita una municipalidad, "
                                    "revisa un expediente o prepara un taller, aplica "
                                    "este marco legal. Conocerlo le permite distinguir "
                                    "entre lo que la ley <b>exige</b> a la "
                                    "municipalidad (por ejemplo, publicar su "
                                    "información de oficio) y lo que el INFOM "
                                    "<b>recomienda</b> como buena práctica (por "
                                    "ejemplo, difundir el presupuesto por radio). Esa "
                                    "distinción evita confusiones y ayuda a "
                                    "priorizar.</p>"
                                ),
                            ),
                        ],
                    },
                    {
                        "title": "El papel del INFOM ante las municipalidades",
                        "slug": "papel-del-infom",
                        "minutes": 20,
                        "body": [
                            ("heading", "Mandato del INFOM"),
                            (
                                "paragraph",
                                (
                                    "<p>El INFOM es una entidad autónoma del Estado, "
                                    "creada en 1957 por el Decreto 1132 del Congreso "
                                    "de la República. Su finalidad es promover el "
                                    "desarrollo de los municipios mediante asistencia "
                                    "técnica, administrativa y financiera a los "
                                    "gobiernos locales. Por medio de la Unidad "
                                    "Ejecutora del Programa de Acueductos Rurales "
                                    "(UNEPAR), adscrita desde 1997, también ejecuta "
                                    "proyectos de agua y saneamiento.</p>"
                                ),
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>En la práctica, el personal del INFOM se "
                                    "relaciona con las municipalidades en distintos "
                                    "momentos: cuando una municipalidad solicita un "
                                    "crédito, cuando prepara o ejecuta un proyecto, "
                                    "cuando pide asesoría administrativa o financiera, "
                                    "y cuando participa en actividades de "
                                    "capacitación. Cada uno de esos momentos es una "
                                    "oportunidad para promover la transparencia y la "
                                    "participación, sin convertirlas en un trámite "
                                    "adicional.</p>"
                                ),
                            ),
                            ("heading", "Acompañar sin sustituir"),
                            (
                                "paragraph",
                                (
                                    "<p>La Constitución garantiza la <b>autonomía "
                                    "municipal</b> (artículo 253). Eso define cómo "
                                    "trabaja el personal del "
                                    "INFOM:</p><ul><li>Asesora, capacita y propone; no "
                                    "decide por el Concejo Municipal.</li><li>Adapta "
                                    "las herramientas a la realidad de cada municipio: "
                                    "tamaño, idiomas, conectividad y "
                                    "capacidades.</li><li>Reconoce lo que la "
                                    "municipalidad ya hace bien y construye a partir "
                                    "de ello.</li><li>Deja capacidades instaladas: el "
                                    "objetivo es que la municipalidad pueda continuar "
                                    "sin apoyo externo.</li></ul>"
                                ),
                            ),
                            (
                                "faq",
                                [
                                    {
                                        "question": (
                                            "¿Puedo exigir a una municipalidad que "
                                            "adopte una herramienta del INFOM?"
                                        ),
                                        "answer": (
                                            "<p>No. Puede recomendarla y explicar sus "
                                            "ventajas. La decisión corresponde a las "
                                            "autoridades municipales. Lo que sí es "
                                            "obligatorio para la municipalidad es "
                                            "cumplir la ley, por ejemplo la Ley de "
                                            "Acceso a la Información Pública.</p>"
                                        ),
                                    },
                                    {
                                        "question": (
                                            "¿Qué hago si detecto un incumplimiento "
                                            "legal durante un diagnóstico?"
                                        ),
                                        "answer": (
                                            "<p>Regístrelo con objetividad en el "
                                            "informe, explique a la municipalidad qué "
                                            "exige la ley y proponga pasos concretos "
                                            "para corregirlo. Consulte con su jefatura "
                                            "cuando el caso lo requiera.</p>"
                                        ),
                                    },
                                    {
                                        "question": (
                                            "¿Cómo se relaciona el crédito municipal "
                                            "con el Gobierno Abierto?"
                                        ),
                                        "answer": (
                                            "<p>Un préstamo compromete recursos "
                                            "futuros de la municipalidad. Su "
                                            "información (monto, plazo, destino y "
                                            "pagos) es pública, y promover que la "
                                            "municipalidad la explique a sus vecinos "
                                            "es parte de la rendición de cuentas.</p>"
                                        ),
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "nota",
                                    "text": (
                                        "<p>El trato respetuoso y la coherencia entre "
                                        "lo que el INFOM recomienda y lo que practica "
                                        "son la base de la confianza con las "
                                        "municipalidades.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "quiz": None,
            },
            {
                "title": "Módulo 2. El modelo en la práctica",
                "slug": "modulo-2-modelo-en-la-practica",
                "summary": (
                    "Las tres líneas de trabajo y las buenas prácticas del personal."
                ),
                "lessons": [
                    {
                        "title": (
                            "Diagnóstico, instrumentos y transferencia de capacidades"
                        ),
                        "slug": "tres-lineas-de-trabajo",
                        "minutes": 20,
                        "body": [
                            ("heading", "Tres líneas que se complementan"),
                            (
                                "paragraph",
                                (
                                    "<p>La estrategia de Gobierno Abierto del INFOM se "
                                    "organiza en tres líneas de trabajo. No son etapas "
                                    "aisladas: se alimentan entre sí y pueden "
                                    "repetirse a medida que la municipalidad "
                                    "avanza.</p>"
                                ),
                            ),
                            (
                                "table",
                                {
                                    "caption": "Las líneas de trabajo en la práctica",
                                    "header": [
                                        "Línea",
                                        "Preguntas guía",
                                        "Productos esperados",
                                    ],
                                    "rows": [
                                        [
                                            "Diagnóstico",
                                            (
                                                "¿Tiene la municipalidad Unidad de "
                                                "Información Pública? ¿Publica su "
                                                "información de oficio? ¿Funciona el "
                                                "COMUDE? ¿Cómo rinde cuentas?"
                                            ),
                                            (
                                                "Informe de diagnóstico compartido con "
                                                "la municipalidad, con fortalezas, "
                                                "brechas y prioridades acordadas."
                                            ),
                                        ],
                                        [
                                            "Construcción de instrumentos",
                                            (
                                                "¿Qué herramienta resolvería la brecha "
                                                "prioritaria? ¿Es sencilla y adaptable?"
                                            ),
                                            (
                                                "Guías, formatos, procedimientos y "
                                                "materiales en lenguaje sencillo."
                                            ),
                                        ],
                                        [
                                            "Transferencia de capacidades",
                                            (
                                                "¿Quién usará la herramienta? ¿Qué "
                                                "necesita aprender? ¿Cómo se dará "
                                                "seguimiento?"
                                            ),
                                            (
                                                "Personal municipal capacitado y plan "
                                                "de seguimiento acordado."
                                            ),
                                        ],
                                    ],
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "ejemplo",
                                    "text": (
                                        "<p>En el diagnóstico se identifica que una "
                                        "municipalidad recibe solicitudes de "
                                        "información pero no lleva un registro. El "
                                        "equipo del INFOM comparte un formato sencillo "
                                        "de registro (instrumento) y acompaña a la "
                                        "persona responsable de la Unidad de "
                                        "Información Pública en su uso durante las "
                                        "primeras semanas (transferencia de "
                                        "capacidades). Al volver, revisa con ella los "
                                        "avances.</p>"
                                    ),
                                },
                            ),
                            ("heading", "Cómo hacer un buen diagnóstico"),
                            (
                                "paragraph",
                                (
                                    "<ol><li>Explique desde el inicio el propósito: "
                                    "mejorar, no sancionar.</li><li>Use fuentes "
                                    "verificables: documentos, portales, actas, "
                                    "entrevistas.</li><li>Registre los hallazgos con "
                                    "objetividad, sin exagerar ni "
                                    "minimizar.</li><li>Comparta y valide los "
                                    "resultados con la municipalidad antes de cerrar "
                                    "el informe.</li><li>Acuerde pocas prioridades, "
                                    "alcanzables y medibles.</li></ol>"
                                ),
                            ),
                            ("heading", "Cómo elegir un buen instrumento"),
                            (
                                "paragraph",
                                (
                                    "<p>Un instrumento útil resuelve un problema "
                                    "concreto que la municipalidad reconoce como "
                                    "propio. Antes de proponerlo, pregúntese si puede "
                                    "usarse sin conexión a internet, si cabe en una o "
                                    "dos páginas, si está en lenguaje sencillo y si el "
                                    "personal municipal podrá actualizarlo sin ayuda. "
                                    "Es preferible un formato sencillo que se usa "
                                    "todos los días a un sistema completo que nadie "
                                    "mantiene.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "importante",
                                    "text": (
                                        "<p>La transferencia de capacidades no termina "
                                        "con un taller. Acuerde con la municipalidad "
                                        "cómo y cuándo se dará seguimiento, y registre "
                                        "los avances y las dificultades en cada "
                                        "visita.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Buenas prácticas del personal del INFOM",
                        "slug": "buenas-practicas-del-personal",
                        "minutes": 20,
                        "body": [
                            ("heading", "El servicio también comunica"),
                            (
                                "paragraph",
                                (
                                    "<p>La forma en que el personal del INFOM trabaja "
                                    "con las municipalidades transmite los valores del "
                                    "Gobierno Abierto. Estas prácticas ayudan a que el "
                                    "acompañamiento sea útil y "
                                    "respetuoso:</p><ul><li><b>Lenguaje claro</b>: "
                                    "evite siglas sin explicar y tecnicismos "
                                    "innecesarios.</li><li><b>Pertinencia cultural e "
                                    "idiomas</b>: considere los idiomas y formas de "
                                    "organización de cada "
                                    "municipio.</li><li><b>Realismo con la "
                                    "conectividad</b>: prepare materiales livianos, "
                                    "imprimibles y que funcionen sin "
                                    "internet.</li><li><b>Compromisos por escrito</b>: "
                                    "deje constancia de los acuerdos y de las fechas "
                                    "de seguimiento.</li><li><b>No prometer lo que no "
                                    "depende de usted</b>, como créditos o proyectos "
                                    "que aún no están aprobados.</li></ul>"
                                ),
                            ),
                            ("heading", "Antes, durante y después de una visita"),
                            (
                                "paragraph",
                                (
                                    "<ol><li><b>Antes</b>: revise la información "
                                    "pública de la municipalidad y los acuerdos de la "
                                    "visita anterior; confirme la agenda con "
                                    "anticipación.</li><li><b>Durante</b>: escuche "
                                    "primero, explique el propósito y deje tiempo para "
                                    "preguntas.</li><li><b>Después</b>: envíe un "
                                    "resumen de los acuerdos y de los próximos pasos, "
                                    "con fechas y responsables.</li></ol>"
                                ),
                            ),
                            ("heading", "Protección de datos personales"),
                            (
                                "paragraph",
                                (
                                    "<p>En los diagnósticos y capacitaciones usted "
                                    "puede tener acceso a datos personales de "
                                    "funcionarios o vecinos. La Ley de Acceso a la "
                                    "Información Pública obliga a administrar esos "
                                    "datos solo cuando sean adecuados, pertinentes y "
                                    "no excesivos, y a protegerlos contra el acceso no "
                                    "autorizado (artículo 30). Recoja solo lo "
                                    "necesario y guárdelo de forma segura.</p>"
                                ),
                            ),
                            (
                                "faq",
                                [
                                    {
                                        "question": (
                                            "¿Puedo compartir en redes sociales fotos "
                                            "de una capacitación con listas de "
                                            "asistencia?"
                                        ),
                                        "answer": (
                                            "<p>No publique listas con datos "
                                            "personales (números de teléfono, "
                                            "documentos de identificación, firmas). Si "
                                            "comparte fotos, siga los lineamientos de "
                                            "comunicación del INFOM.</p>"
                                        ),
                                    },
                                    {
                                        "question": (
                                            "¿Qué hago si una municipalidad me pide un "
                                            "dato que no sé con certeza?"
                                        ),
                                        "answer": (
                                            "<p>Dígalo con honestidad, consulte la "
                                            "fuente oficial y responda después. Un "
                                            "dato incorrecto puede llevar a decisiones "
                                            "equivocadas.</p>"
                                        ),
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "nota",
                                    "text": (
                                        "<p>Al terminar esta capacitación, responda la "
                                        "evaluación final. Le ayudará a comprobar que "
                                        "domina los conceptos básicos del modelo.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "quiz": {
                    "title": "Evaluación de la inducción",
                    "slug": "evaluacion-induccion",
                    "instructions": (
                        "Responda las 5 preguntas sobre el modelo de Gobierno Abierto "
                        "del INFOM. Algunas preguntas tienen más de una respuesta "
                        "correcta."
                    ),
                    "questions": [
                        {
                            "type": "multiple",
                            "prompt": "¿Cuáles son principios del Gobierno Abierto?",
                            "points": 1,
                            "explanation": (
                                "Los principios promovidos por la Alianza para el "
                                "Gobierno Abierto son transparencia, participación "
                                "ciudadana, rendición de cuentas y tecnología e "
                                "innovación."
                            ),
                            "choices": [
                                {
                                    "text": "Transparencia",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "Participación ciudadana",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "Tecnología e innovación",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "Centralización de decisiones",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. El Gobierno Abierto promueve la "
                                        "participación, no la centralización."
                                    ),
                                },
                            ],
                        },
                        {
                            "type": "single",
                            "prompt": "¿Qué norma contiene la Ley Orgánica del INFOM?",
                            "points": 1,
                            "explanation": (
                                "La Ley Orgánica del INFOM es el Decreto 1132 del "
                                "Congreso de la República, de 1957."
                            ),
                            "choices": [
                                {
                                    "text": "Decreto 1132",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "Decreto 57-2008",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. Es la Ley de Acceso a la "
                                        "Información Pública."
                                    ),
                                },
                                {
                                    "text": "Decreto 14-2002",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. Es la Ley General de "
                                        "Descentralización."
                                    ),
                                },
                            ],
                        },
                        {
                            "type": "true_false",
                            "prompt": (
                                "El personal del INFOM puede decidir por el Concejo "
                                "Municipal qué herramientas de transparencia adoptar."
                            ),
                            "points": 1,
                            "explanation": (
                                "La Constitución garantiza la autonomía municipal "
                                "(artículo 253). El INFOM asesora y capacita; las "
                                "decisiones son de las autoridades municipales."
                            ),
                            "choices": [
                                {
                                    "text": "Verdadero",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. El INFOM acompaña sin sustituir."
                                    ),
                                },
                                {
                                    "text": "Falso",
                                    "correct": True,
                                    "feedback": (
                                        "Correcto. La decisión corresponde a la "
                                        "municipalidad."
                                    ),
                                },
                            ],
                        },
                        {
                            "type": "single",
                            "prompt": (
                                "En la estrategia del INFOM, capacitar y acompañar al "
                                "personal municipal para que use las herramientas por "
                                "sí mismo corresponde a:"
                            ),
                            "points": 1,
                            "explanation": (
                                "La estrategia tiene tres líneas: diagnóstico, "
                                "construcción de instrumentos y transferencia de "
                                "capacidades."
                            ),
                            "choices": [
                                {
                                    "text": "La transferencia de capacidades",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "El diagnóstico",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. El diagnóstico identifica "
                                        "fortalezas y brechas."
                                    ),
                                },
                                {
                                    "text": "La construcción de instrumentos",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. Esa línea produce guías y "
                                        "formatos."
                                    ),
                                },
                            ],
                        },
                        {
                            "type": "true_false",
                            "prompt": (
                                "El INFOM también es sujeto obligado de la Ley de "
                                "Acceso a la Información Pública."
                            ),
                            "points": 1,
                            "explanation": (
                                "Como entidad autónoma del Estado, el INFOM está "
                                "obligado por el Decreto 57-2008 a publicar "
                                "información de oficio y atender solicitudes."
                            ),
                            "choices": [
                                {
                                    "text": "Verdadero",
                                    "correct": True,
                                    "feedback": (
                                        "Correcto. El INFOM debe predicar con el "
                                        "ejemplo."
                                    ),
                                },
                                {
                                    "text": "Falso",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. El INFOM sí es sujeto obligado."
                                    ),
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
    {
        "title": "Atención de solicitudes de información pública",
        "slug": "atencion-solicitudes-informacion-publica",
        "kind": "obligatoria",
        "audience": "infom",
        "hours": 4,
        "summary": (
            "Capacitación obligatoria para el personal del INFOM: cómo recibir, "
            "registrar y resolver solicitudes de información pública en los plazos del "
            "Decreto 57-2008, y cómo preparar el informe anual."
        ),
        "description": (
            "<p>Esta capacitación explica, paso a paso, cómo atender una solicitud de "
            "información pública conforme a la <b>Ley de Acceso a la Información "
            "Pública</b> (Decreto 57-2008): recepción, registro, trámite interno, "
            "plazos, tipos de respuesta, protección de datos personales e informe "
            "anual.</p><ul><li>Duración estimada: 4 horas.</li><li>Dirigida a todo el "
            "personal, no solo a la Unidad de Información Pública: cualquier "
            "dependencia puede tener la información que se solicita.</li></ul>"
        ),
        "objectives": [
            "Recibir y registrar correctamente una solicitud de información pública.",
            "Calcular y cumplir los plazos de respuesta y de prórroga de la ley.",
            "Elaborar resoluciones de entrega, negativa fundamentada o inexistencia.",
            (
                "Proteger los datos personales y preparar la información para el "
                "informe anual."
            ),
        ],
        "modules": [
            {
                "title": "Módulo 1. Recepción y trámite",
                "slug": "modulo-1-recepcion-y-tramite",
                "summary": "Cómo recibir, registrar y tramitar una solicitud a tiempo.",
                "lessons": [
                    {
                        "title": "Recibir y registrar una solicitud",
                        "slug": "recibir-y-registrar",
                        "minutes": 20,
                        "body": [
                            ("heading", "Toda persona puede pedir información"),
                            (
                                "paragraph",
                                (
                                    "<p>La Ley de Acceso a la Información Pública "
                                    "reconoce a toda persona, individual o jurídica, "
                                    "el derecho a solicitar, acceder y recibir "
                                    "información pública. La solicitud puede "
                                    "presentarse de forma <b>verbal, escrita o "
                                    "electrónica</b>. Quien la recibe no debe pedir "
                                    "requisitos que la ley no establece ni preguntar "
                                    "para qué se quiere la información.</p>"
                                ),
                            ),
                            ("heading", "¿Qué debe constar en la solicitud?"),
                            (
                                "paragraph",
                                (
                                    "<p>Para poder tramitarla, la solicitud debe "
                                    "permitir identificar con claridad la información "
                                    "que se pide, e indicar un lugar o medio para "
                                    "recibir notificaciones (artículo 41). Si la "
                                    "solicitud es verbal, la persona que la atiende la "
                                    "pone por escrito y la registra.</p>"
                                ),
                            ),
                            ("heading", "Atención con pertinencia cultural"),
                            (
                                "paragraph",
                                (
                                    "<p>Atienda a cada persona con respeto, en "
                                    "lenguaje sencillo y, cuando sea posible, en su "
                                    "idioma. Si la persona no sabe leer o escribir, "
                                    "ayúdela a formular la solicitud y léale en voz "
                                    "alta lo que usted registró antes de entregarle la "
                                    "constancia. Una buena atención desde el primer "
                                    "contacto evita aclaraciones posteriores y ahorra "
                                    "tiempo a todos.</p>"
                                ),
                            ),
                            ("heading", "El registro"),
                            (
                                "table",
                                {
                                    "caption": (
                                        "Datos mínimos sugeridos para el registro de "
                                        "solicitudes"
                                    ),
                                    "header": ["Campo", "Para qué sirve"],
                                    "rows": [
                                        [
                                            "Número correlativo",
                                            (
                                                "Identificar el expediente sin "
                                                "confusiones."
                                            ),
                                        ],
                                        [
                                            "Fecha y hora de recepción",
                                            "Calcular el plazo de respuesta.",
                                        ],
                                        [
                                            "Medio de presentación",
                                            (
                                                "Saber si fue verbal, escrita o "
                                                "electrónica."
                                            ),
                                        ],
                                        [
                                            "Información solicitada",
                                            "Describirla tal como la pidió la persona.",
                                        ],
                                        [
                                            "Medio para notificar",
                                            (
                                                "Enviar la respuesta por el medio "
                                                "indicado."
                                            ),
                                        ],
                                        [
                                            "Dependencia responsable y fecha límite",
                                            "Dar seguimiento interno al trámite.",
                                        ],
                                    ],
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "importante",
                                    "text": (
                                        "<p>Entregue siempre al solicitante una "
                                        "<b>constancia</b> con el número de expediente "
                                        "y la fecha de recepción. Es su garantía de "
                                        "que la solicitud existe y le permite dar "
                                        "seguimiento.</p>"
                                    ),
                                },
                            ),
                            (
                                "faq",
                                [
                                    {
                                        "question": (
                                            "¿Qué hago si la solicitud no es clara?"
                                        ),
                                        "answer": (
                                            "<p>Pida al solicitante que la aclare o "
                                            "complete, por el medio que indicó. Hágalo "
                                            "lo antes posible y deje constancia en el "
                                            "expediente. Orientar es parte del "
                                            "servicio.</p>"
                                        ),
                                    },
                                    {
                                        "question": (
                                            "¿Y si la información la tiene otra "
                                            "institución?"
                                        ),
                                        "answer": (
                                            "<p>Explique al solicitante, por escrito, "
                                            "qué institución podría tenerla, para que "
                                            "pueda dirigirse a ella.</p>"
                                        ),
                                    },
                                ],
                            ),
                        ],
                    },
                    {
                        "title": "Plazos y gestión interna",
                        "slug": "plazos-y-gestion-interna",
                        "minutes": 20,
                        "body": [
                            ("heading", "Los plazos de la ley"),
                            (
                                "paragraph",
                                (
                                    "<p>Presentada y admitida la solicitud, la Unidad "
                                    "de Información Pública debe resolver dentro de "
                                    "los <b>10 días hábiles</b> siguientes (artículo "
                                    "42). Cuando el volumen y la extensión de la "
                                    "respuesta lo justifiquen, el plazo puede "
                                    "ampliarse <b>hasta por 10 días más</b>, "
                                    "informando al solicitante antes de que venza el "
                                    "plazo original, en la forma que indica el "
                                    "artículo 43.</p>"
                                ),
                            ),
                            (
                                "table",
                                {
                                    "caption": (
                                        "Ejemplo de cálculo (semana sin días feriados)"
                                    ),
                                    "header": ["Día", "Fecha de ejemplo", "Conteo"],
                                    "rows": [
                                        ["Lunes", "Semana 1", "Se recibe la solicitud"],
                                        ["Martes a viernes", "Semana 1", "Días 1 a 4"],
                                        ["Lunes a viernes", "Semana 2", "Días 5 a 9"],
                                        [
                                            "Lunes",
                                            "Semana 3",
                                            "Día 10: último día para resolver",
                                        ],
                                    ],
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "nota",
                                    "text": (
                                        "<p>Los sábados, domingos, feriados y días de "
                                        "asueto no se cuentan como días hábiles. "
                                        "Cuando haya dudas sobre el conteo, consulte a "
                                        "la asesoría jurídica y resuelva lo antes "
                                        "posible: responder antes del plazo nunca es "
                                        "un problema.</p>"
                                    ),
                                },
                            ),
                            ("heading", "La gestión interna"),
                            (
                                "paragraph",
                                (
                                    "<p>La Unidad de Información Pública depende de "
                                    "las demás dependencias para reunir la "
                                    "información. Un procedimiento interno ordenado "
                                    "evita incumplimientos:</p><ol><li>El mismo día de "
                                    "la recepción, la Unidad envía un requerimiento "
                                    "escrito a la dependencia responsable, con fecha "
                                    "límite interna.</li><li>La dependencia entrega la "
                                    "información completa o explica por escrito si "
                                    "existe algún motivo legal para no entregarla, o "
                                    "si no la tiene.</li><li>La Unidad revisa la "
                                    "información, protege los datos personales que "
                                    "correspondan y prepara la resolución.</li><li>Si "
                                    "el volumen lo justifica, la Unidad decide la "
                                    "prórroga y la notifica a tiempo.</li><li>La "
                                    "Unidad notifica la resolución y archiva el "
                                    "expediente completo.</li></ol>"
                                ),
                            ),
                            (
                                "faq",
                                [
                                    {
                                        "question": (
                                            "¿Qué hago si la dependencia no responde a "
                                            "tiempo?"
                                        ),
                                        "answer": (
                                            "<p>Envíe un recordatorio escrito y, si es "
                                            "necesario, informe a su jefatura antes de "
                                            "que venza el plazo. El incumplimiento de "
                                            "los plazos es responsabilidad de la "
                                            "institución, no solo de la Unidad de "
                                            "Información Pública.</p>"
                                        ),
                                    },
                                    {
                                        "question": (
                                            "¿Puedo entregar la información antes del "
                                            "décimo día?"
                                        ),
                                        "answer": (
                                            "<p>Sí. El plazo es un máximo. Entregar "
                                            "antes es una buena práctica.</p>"
                                        ),
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "importante",
                                    "text": (
                                        "<p>La prórroga es una excepción para casos de "
                                        "volumen o extensión de la información, no una "
                                        "forma de ganar tiempo por retrasos "
                                        "internos.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "quiz": None,
            },
            {
                "title": "Módulo 2. Resolución e informe",
                "slug": "modulo-2-resolucion-e-informe",
                "summary": (
                    "Tipos de respuesta, formato de resolución, datos personales e "
                    "informe anual."
                ),
                "lessons": [
                    {
                        "title": "Tipos de respuesta y formato de resolución",
                        "slug": "tipos-de-respuesta-y-resolucion",
                        "minutes": 20,
                        "body": [
                            ("heading", "Las respuestas posibles"),
                            (
                                "paragraph",
                                (
                                    "<p>Según el artículo 42 del Decreto 57-2008, la "
                                    "resolución puede:</p><ul><li><b>Entregar</b> la "
                                    "información solicitada.</li><li><b>Negar</b> la "
                                    "información cuando el solicitante no hizo, en el "
                                    "plazo concedido, las aclaraciones que se le "
                                    "pidieron.</li><li><b>Negar total o "
                                    "parcialmente</b> la información cuando sea "
                                    "confidencial o reservada, con el fundamento legal "
                                    "correspondiente.</li><li><b>Expresar la "
                                    "inexistencia</b> de la información.</li></ul>"
                                ),
                            ),
                            ("heading", "Información confidencial o reservada"),
                            (
                                "paragraph",
                                (
                                    "<p>Si un documento contiene una parte "
                                    "confidencial (por ejemplo, datos personales) y el "
                                    "resto es público, entregue el documento con esa "
                                    "parte protegida y explique por qué. Negar todo el "
                                    "documento cuando solo una parte está protegida "
                                    "contradice el principio de máxima publicidad. La "
                                    "información reservada solo puede invocarse si fue "
                                    "clasificada conforme al procedimiento de la "
                                    "ley.</p>"
                                ),
                            ),
                            ("heading", "Información inexistente"),
                            (
                                "paragraph",
                                (
                                    "<p>Antes de declarar que una información no "
                                    "existe, pida a las dependencias que puedan "
                                    "tenerla que confirmen por escrito su búsqueda. En "
                                    "la resolución, explique qué se buscó y dónde. Si "
                                    "sabe que otra institución podría tenerla, "
                                    "indíquelo.</p>"
                                ),
                            ),
                            ("heading", "La notificación"),
                            (
                                "paragraph",
                                (
                                    "<p>La resolución debe notificarse por el medio "
                                    "que indicó el solicitante y dentro del plazo. "
                                    "Guarde la constancia de envío o de entrega. Si la "
                                    "información se entrega en copias con costo de "
                                    "reproducción, indique el monto y la forma de pago "
                                    "en la misma resolución; si se entrega en formato "
                                    "digital, verifique que los archivos se puedan "
                                    "abrir.</p>"
                                ),
                            ),
                            (
                                "table",
                                {
                                    "caption": "Formato sugerido de resolución",
                                    "header": ["Apartado", "Contenido"],
                                    "rows": [
                                        [
                                            "Encabezado",
                                            (
                                                "Institución, Unidad de Información "
                                                "Pública, número de expediente, lugar "
                                                "y fecha."
                                            ),
                                        ],
                                        [
                                            "Antecedentes",
                                            (
                                                "Fecha de la solicitud, nombre del "
                                                "solicitante e información solicitada."
                                            ),
                                        ],
                                        [
                                            "Fundamento legal",
                                            "Artículos aplicables del Decreto 57-2008.",
                                        ],
                                        [
                                            "Decisión",
                                            (
                                                "Entrega, entrega parcial, negativa "
                                                "fundamentada o inexistencia; forma de "
                                                "entrega y costo de reproducción, si "
                                                "lo hay."
                                            ),
                                        ],
                                        [
                                            "Recursos",
                                            (
                                                "Aviso de que puede interponer recurso "
                                                "de revisión dentro de los 15 días "
                                                "siguientes a la notificación "
                                                "(artículos 54 a 60)."
                                            ),
                                        ],
                                        [
                                            "Firma y notificación",
                                            (
                                                "Firma del responsable y constancia de "
                                                "la notificación."
                                            ),
                                        ],
                                    ],
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "ejemplo",
                                    "text": (
                                        "<p>Se solicita la planilla de un proyecto. La "
                                        "resolución entrega nombres, puestos y "
                                        "salarios, que son información pública, y "
                                        "protege los números de documento de "
                                        "identificación y las direcciones "
                                        "particulares, explicando que son datos "
                                        "personales.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Datos personales, expediente e informe anual",
                        "slug": "datos-personales-e-informe-anual",
                        "minutes": 20,
                        "body": [
                            ("heading", "Hábeas data en la atención de solicitudes"),
                            (
                                "paragraph",
                                (
                                    "<p>Las solicitudes también pueden referirse a "
                                    "datos personales. El acceso a los datos "
                                    "personales corresponde a su titular o a su "
                                    "representante legal (artículo 33). Cuando una "
                                    "persona pide sus propios datos o su corrección, "
                                    "verifique su identidad antes de entregar o "
                                    "modificar cualquier información.</p>"
                                ),
                            ),
                            (
                                "legal_reference",
                                {
                                    "law": (
                                        "Ley de Acceso a la Información Pública, "
                                        "Decreto 57-2008 del Congreso"
                                    ),
                                    "article": (
                                        "Artículo 31. Consentimiento expreso "
                                        "(fragmento)"
                                    ),
                                    "quote": (
                                        "Los sujetos obligados no podrán difundir, "
                                        "distribuir o comercializar los datos "
                                        "personales contenidos en los sistemas de "
                                        "información desarrollados en el ejercicio de "
                                        "sus funciones, salvo que hubiere mediado el "
                                        "consentimiento expreso por escrito de los "
                                        "individuos a que hiciere referencia la "
                                        "información."
                                    ),
                                    "is_paraphrase": False,
                                },
                            ),
                            ("heading", "El expediente completo"),
                            (
                                "paragraph",
                                (
                                    "<p>Cada solicitud debe tener un expediente con: "
                                    "la solicitud y su constancia, los requerimientos "
                                    "internos y sus respuestas, la notificación de "
                                    "prórroga si la hubo, la resolución y la "
                                    "constancia de notificación. Un expediente "
                                    "completo protege a la institución y al personal, "
                                    "y facilita el informe anual.</p>"
                                ),
                            ),
                            (
                                "heading",
                                (
                                    "El informe anual al Procurador de los Derechos "
                                    "Humanos"
                                ),
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>El Procurador de los Derechos Humanos es la "
                                    "autoridad reguladora de la Ley de Acceso a la "
                                    "Información Pública. Los sujetos obligados deben "
                                    "presentarle cada año un informe por escrito sobre "
                                    "las solicitudes atendidas durante el año "
                                    "anterior, con el contenido y en el plazo que fija "
                                    "la ley.</p>"
                                ),
                            ),
                            (
                                "faq",
                                [
                                    {
                                        "question": (
                                            "¿Qué datos conviene tener listos para el "
                                            "informe?"
                                        ),
                                        "answer": (
                                            "<p>Número de solicitudes recibidas, tipo "
                                            "de información solicitada, resultado de "
                                            "cada una (entregada, negada, "
                                            "inexistente), solicitudes con prórroga y "
                                            "recursos de revisión presentados. Si el "
                                            "registro se lleva bien durante el año, el "
                                            "informe se prepara con rapidez.</p>"
                                        ),
                                    },
                                    {
                                        "question": (
                                            "¿Dónde verifico la fecha de entrega del "
                                            "informe?"
                                        ),
                                        "answer": (
                                            "<p>En el texto vigente del Decreto "
                                            "57-2008 y en las comunicaciones del "
                                            "Procurador de los Derechos Humanos. "
                                            "Verifíquela cada año.</p>"
                                        ),
                                    },
                                ],
                            ),
                            (
                                "callout",
                                {
                                    "kind": "nota",
                                    "text": (
                                        "<p>Al terminar esta lección, responda la "
                                        "evaluación final de la capacitación.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "quiz": {
                    "title": "Evaluación de atención de solicitudes",
                    "slug": "evaluacion-atencion-solicitudes",
                    "instructions": (
                        "Responda las 5 preguntas sobre la atención de solicitudes de "
                        "información pública. Algunas preguntas tienen más de una "
                        "respuesta correcta."
                    ),
                    "questions": [
                        {
                            "type": "multiple",
                            "prompt": (
                                "¿Por qué medios puede presentarse una solicitud de "
                                "información pública?"
                            ),
                            "points": 1,
                            "explanation": (
                                "El Decreto 57-2008 permite presentar la solicitud de "
                                "forma verbal, escrita o electrónica."
                            ),
                            "choices": [
                                {
                                    "text": "Verbal",
                                    "correct": True,
                                    "feedback": (
                                        "Correcto. Quien la recibe la registra."
                                    ),
                                },
                                {
                                    "text": "Escrita",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "Electrónica",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "Solo por medio de abogado",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. La ley no exige auxilio de "
                                        "abogado."
                                    ),
                                },
                            ],
                        },
                        {
                            "type": "single",
                            "prompt": (
                                "Una solicitud se recibe un lunes y no hay feriados. "
                                "¿Cuál es el último día para resolver, sin prórroga?"
                            ),
                            "points": 1,
                            "explanation": (
                                "El artículo 42 del Decreto 57-2008 fija 10 días "
                                "hábiles. Contando desde el martes, el décimo día "
                                "hábil es el lunes de la tercera semana."
                            ),
                            "choices": [
                                {
                                    "text": "El lunes de la tercera semana",
                                    "correct": True,
                                    "feedback": (
                                        "Correcto. Martes a viernes (4), lunes a "
                                        "viernes (5) y lunes (1) suman 10 días hábiles."
                                    ),
                                },
                                {
                                    "text": "El jueves de la misma semana",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. Eso serían solo 3 días hábiles."
                                    ),
                                },
                                {
                                    "text": "El viernes de la segunda semana",
                                    "correct": False,
                                    "feedback": "Incorrecto. Ese sería el día hábil 9.",
                                },
                            ],
                        },
                        {
                            "type": "true_false",
                            "prompt": (
                                "La prórroga de hasta 10 días puede usarse para "
                                "compensar retrasos internos de una dependencia."
                            ),
                            "points": 1,
                            "explanation": (
                                "El artículo 43 del Decreto 57-2008 permite la "
                                "prórroga cuando el volumen y la extensión de la "
                                "respuesta lo justifiquen, no por retrasos internos."
                            ),
                            "choices": [
                                {
                                    "text": "Verdadero",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. La prórroga tiene un motivo "
                                        "específico."
                                    ),
                                },
                                {
                                    "text": "Falso",
                                    "correct": True,
                                    "feedback": (
                                        "Correcto. La prórroga es una excepción "
                                        "justificada."
                                    ),
                                },
                            ],
                        },
                        {
                            "type": "single",
                            "prompt": (
                                "Un documento solicitado contiene datos personales en "
                                "una parte y el resto es público. ¿Qué corresponde "
                                "hacer?"
                            ),
                            "points": 1,
                            "explanation": (
                                "El Decreto 57-2008 permite negar la información total "
                                "o parcialmente (artículo 42) y obliga a proteger los "
                                "datos personales (artículo 30). Lo adecuado es "
                                "entregar lo público y proteger solo lo confidencial."
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Entregar el documento protegiendo solo los "
                                        "datos personales y explicar por qué"
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Correcto. Así se respeta la máxima publicidad "
                                        "y el hábeas data."
                                    ),
                                },
                                {
                                    "text": "Negar todo el documento",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. Solo se protege la parte "
                                        "confidencial."
                                    ),
                                },
                                {
                                    "text": "Entregarlo completo sin revisar",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. Se deben proteger los datos "
                                        "personales."
                                    ),
                                },
                            ],
                        },
                        {
                            "type": "multiple",
                            "prompt": (
                                "¿Qué debe contener la resolución que responde una "
                                "solicitud?"
                            ),
                            "points": 1,
                            "explanation": (
                                "Una resolución completa incluye antecedentes, "
                                "fundamento legal en el Decreto 57-2008, la decisión y "
                                "el aviso del recurso de revisión (artículos 54 a 60)."
                            ),
                            "choices": [
                                {
                                    "text": "El fundamento legal",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": "La decisión y la forma de entrega",
                                    "correct": True,
                                    "feedback": "Correcto.",
                                },
                                {
                                    "text": (
                                        "El aviso del derecho a presentar recurso de "
                                        "revisión"
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Correcto. Plazo de 15 días desde la "
                                        "notificación."
                                    ),
                                },
                                {
                                    "text": "Los motivos personales del solicitante",
                                    "correct": False,
                                    "feedback": (
                                        "Incorrecto. No se debe pedir ni registrar el "
                                        "motivo de la solicitud."
                                    ),
                                },
                            ],
                        },
                    ],
                },
            },
        ],
    },
]
