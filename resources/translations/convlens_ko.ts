<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../gui/tabs/context.py" line="98"/>
        <source> · {runtime}, reduced precision</source>
        <translation> · {runtime}, 낮은 정밀도</translation>
    </message>
</context>
<context>
    <name>Architectures</name>
    <message>
        <location filename="../../gui/engine_messages.py" line="311"/>
        <source>LeCun 1998: two conv/pool stages and three dense layers for 28x28 digits (61,706 parameters).</source>
        <translation>LeCun 1998: 28x28 숫자를 위한 합성곱/풀링 2단과 Dense 레이어 3개 (파라미터 61,706개).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="312"/>
        <source>Krizhevsky 2012: five convolutions with large early kernels, three dense layers.</source>
        <translation>Krizhevsky 2012: 앞쪽에 큰 커널을 쓴 합성곱 5개와 Dense 레이어 3개.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="313"/>
        <source>Simonyan 2014 (configuration A): 8 stacked 3x3 convolutions in five blocks, three dense layers.</source>
        <translation>Simonyan 2014 (구성 A): 다섯 블록에 쌓은 3x3 합성곱 8개와 Dense 레이어 3개.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="314"/>
        <source>VGG11 with batch normalisation after every convolution.</source>
        <translation>합성곱마다 뒤에 배치 정규화를 넣은 VGG11.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="315"/>
        <source>Simonyan 2014 (configuration B): 10 stacked 3x3 convolutions in five blocks, three dense layers.</source>
        <translation>Simonyan 2014 (구성 B): 다섯 블록에 쌓은 3x3 합성곱 10개와 Dense 레이어 3개.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="316"/>
        <source>VGG13 with batch normalisation after every convolution.</source>
        <translation>합성곱마다 뒤에 배치 정규화를 넣은 VGG13.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="317"/>
        <source>Simonyan 2014: 13 stacked 3x3 convolutions in five blocks, three dense layers.</source>
        <translation>Simonyan 2014: 다섯 블록에 쌓은 3x3 합성곱 13개와 Dense 레이어 3개.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="318"/>
        <source>VGG16 with batch normalisation after every convolution.</source>
        <translation>합성곱마다 뒤에 배치 정규화를 넣은 VGG16.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="319"/>
        <source>Simonyan 2014: 16 stacked 3x3 convolutions in five blocks, three dense layers.</source>
        <translation>Simonyan 2014: 다섯 블록에 쌓은 3x3 합성곱 16개와 Dense 레이어 3개.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="320"/>
        <source>VGG19 with batch normalisation after every convolution.</source>
        <translation>합성곱마다 뒤에 배치 정규화를 넣은 VGG19.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="321"/>
        <source>Iandola 2016: fire modules (squeeze 1x1, expand 1x1+3x3); the original, 7x7 first convolution.</source>
        <translation>Iandola 2016: fire 모듈 (1x1 squeeze, 1x1+3x3 expand); 첫 합성곱이 7x7인 원래 모델.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="322"/>
        <source>Iandola 2016: fire modules (squeeze 1x1, expand 1x1+3x3); AlexNet accuracy in 1.2M parameters.</source>
        <translation>Iandola 2016: fire 모듈 (1x1 squeeze, 1x1+3x3 expand); 파라미터 1.2M개로 AlexNet 수준의 정확도.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="323"/>
        <source>Szegedy 2014: Inception v1 modules of parallel 1x1/3x3/5x5/pool branches.</source>
        <translation>Szegedy 2014: 1x1/3x3/5x5/풀링 가지를 나란히 둔 인셉션 v1 모듈.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="324"/>
        <source>Szegedy 2015: factorised Inception modules at 299x299.</source>
        <translation>Szegedy 2015: 299x299 입력, 분해(factorised)한 인셉션 모듈.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="325"/>
        <source>He 2015: residual learning with basic blocks (2 x 3x3 conv), 18 layers.</source>
        <translation>He 2015: 기본 블록(3x3 합성곱 2개)으로 된 잔차 학습, 18층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="326"/>
        <source>He 2015: residual basic blocks, 34 layers.</source>
        <translation>He 2015: 잔차 기본 블록, 34층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="327"/>
        <source>He 2015: bottleneck blocks (1x1-3x3-1x1), 50 layers.</source>
        <translation>He 2015: 병목 블록(1x1-3x3-1x1), 50층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="328"/>
        <source>He 2015: bottleneck blocks, 101 layers.</source>
        <translation>He 2015: 병목 블록, 101층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="329"/>
        <source>He 2015: bottleneck blocks, 152 layers.</source>
        <translation>He 2015: 병목 블록, 152층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="330"/>
        <source>Xie 2017: ResNet-50 bottlenecks whose 3x3 convolution is split into 32 groups of 4 channels (cardinality).</source>
        <translation>Xie 2017: 3x3 합성곱을 4채널씩 32개 그룹으로 나눈(카디널리티) ResNet-50 병목 블록.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="331"/>
        <source>Xie 2017: grouped bottlenecks, 32 groups of 8 channels; 101 layers.</source>
        <translation>Xie 2017: 그룹 병목 블록, 8채널씩 32개 그룹; 101층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="332"/>
        <source>Xie 2017: grouped bottlenecks, 64 groups of 4 channels; 101 layers.</source>
        <translation>Xie 2017: 그룹 병목 블록, 4채널씩 64개 그룹; 101층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="333"/>
        <source>Zagoruyko 2016: ResNet-50 with bottlenecks twice as wide inside; 50 layers.</source>
        <translation>Zagoruyko 2016: 병목 안쪽 너비를 두 배로 한 ResNet-50; 50층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="334"/>
        <source>Zagoruyko 2016: ResNet-101 with bottlenecks twice as wide inside; 101 layers.</source>
        <translation>Zagoruyko 2016: 병목 안쪽 너비를 두 배로 한 ResNet-101; 101층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="335"/>
        <source>He 2016 (identity mappings): BN-ReLU-conv units, clean identity shortcuts; 18 layers.</source>
        <translation>He 2016 (항등 매핑): BN-ReLU-합성곱 단위, 깨끗한 항등 지름길; 18층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="336"/>
        <source>He 2016 (identity mappings): pre-activation bottleneck blocks; 50 layers.</source>
        <translation>He 2016 (항등 매핑): 사전 활성화 병목 블록; 50층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="337"/>
        <source>Hu 2017: ResNet-50 bottlenecks whose channels are re-weighted by squeeze-and-excitation.</source>
        <translation>Hu 2017: 스퀴즈-익사이테이션으로 채널에 다시 가중치를 주는 ResNet-50 병목 블록.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="338"/>
        <source>Huang 2017: dense blocks in which every layer takes the maps of all earlier layers; 121 layers.</source>
        <translation>Huang 2017: 각 층이 앞선 모든 층의 특성 맵을 입력으로 받는 덴스 블록; 121층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="339"/>
        <source>Huang 2017: dense blocks, growth rate 48; 161 layers.</source>
        <translation>Huang 2017: 덴스 블록, 성장률 48; 161층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="340"/>
        <source>Huang 2017: dense blocks, growth rate 32; 169 layers.</source>
        <translation>Huang 2017: 덴스 블록, 성장률 32; 169층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="341"/>
        <source>Huang 2017: dense blocks, growth rate 32; 201 layers.</source>
        <translation>Huang 2017: 덴스 블록, 성장률 32; 201층.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="342"/>
        <source>Sandler 2018: inverted residuals with linear bottlenecks and depthwise convolutions.</source>
        <translation>Sandler 2018: 선형 병목과 깊이별 합성곱을 쓴 역잔차(inverted residual) 블록.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="343"/>
        <source>Howard 2019: searched inverted residuals with squeeze-excitation and hard-swish; small.</source>
        <translation>Howard 2019: 탐색으로 찾은 역잔차 블록, 스퀴즈-익사이테이션과 hard-swish; 작은 모델.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="344"/>
        <source>Howard 2019: searched inverted residuals with squeeze-excitation and hard-swish; large.</source>
        <translation>Howard 2019: 탐색으로 찾은 역잔차 블록, 스퀴즈-익사이테이션과 hard-swish; 큰 모델.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="345"/>
        <source>Ma 2018: channel split, depthwise convolutions and channel shuffle; half width.</source>
        <translation>Ma 2018: 채널 분할, 깊이별 합성곱, 채널 셔플; 절반 너비.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="346"/>
        <source>Ma 2018: channel split, depthwise convolutions and channel shuffle.</source>
        <translation>Ma 2018: 채널 분할, 깊이별 합성곱, 채널 셔플.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="347"/>
        <source>Ma 2018: channel split and shuffle; 1.5 times the width.</source>
        <translation>Ma 2018: 채널 분할과 셔플; 1.5배 너비.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="348"/>
        <source>Ma 2018: channel split and shuffle; twice the width.</source>
        <translation>Ma 2018: 채널 분할과 셔플; 두 배 너비.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="349"/>
        <source>Tan 2019: inverted residuals searched for accuracy and phone latency; half width.</source>
        <translation>Tan 2019: 정확도와 휴대폰 지연 시간을 함께 보고 탐색한 역잔차 블록; 절반 너비.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="350"/>
        <source>Tan 2019: mobile architecture search for latency; 0.75 width.</source>
        <translation>Tan 2019: 지연 시간을 고려한 모바일 아키텍처 탐색; 0.75 너비.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="351"/>
        <source>Tan 2019: inverted residuals searched for accuracy and phone latency.</source>
        <translation>Tan 2019: 정확도와 휴대폰 지연 시간을 함께 보고 탐색한 역잔차 블록.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="352"/>
        <source>Tan 2019: mobile architecture search for latency; 1.3 width.</source>
        <translation>Tan 2019: 지연 시간을 고려한 모바일 아키텍처 탐색; 1.3 너비.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="353"/>
        <source>Zoph 2018: normal and reduction cells found by architecture search; 4 @ 1056, 5.3M parameters.</source>
        <translation>Zoph 2018: 아키텍처 탐색으로 찾은 normal 셀과 reduction 셀; 4 @ 1056, 파라미터 5.3M개.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="354"/>
        <source>Tan 2019: MBConv blocks scaled jointly in depth, width and resolution.</source>
        <translation>Tan 2019: 깊이, 너비, 해상도를 함께 키운 MBConv 블록.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="355"/>
        <source>Tan 2019: B0 scaled up in depth, width and resolution (240x240).</source>
        <translation>Tan 2019: B0을 깊이, 너비, 해상도로 키운 모델 (240x240).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="356"/>
        <source>Tan 2019: B0 scaled up in depth, width and resolution (288x288).</source>
        <translation>Tan 2019: B0을 깊이, 너비, 해상도로 키운 모델 (288x288).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="357"/>
        <source>Tan 2019: B0 scaled up in depth, width and resolution (300x300).</source>
        <translation>Tan 2019: B0을 깊이, 너비, 해상도로 키운 모델 (300x300).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="358"/>
        <source>Tan 2019: B0 scaled up in depth, width and resolution (380x380).</source>
        <translation>Tan 2019: B0을 깊이, 너비, 해상도로 키운 모델 (380x380).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="359"/>
        <source>Tan 2019: B0 scaled up in depth, width and resolution (456x456).</source>
        <translation>Tan 2019: B0을 깊이, 너비, 해상도로 키운 모델 (456x456).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="360"/>
        <source>Tan 2019: B0 scaled up in depth, width and resolution (528x528).</source>
        <translation>Tan 2019: B0을 깊이, 너비, 해상도로 키운 모델 (528x528).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="361"/>
        <source>Tan 2019: B0 scaled up in depth, width and resolution (600x600).</source>
        <translation>Tan 2019: B0을 깊이, 너비, 해상도로 키운 모델 (600x600).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="362"/>
        <source>Tan 2021: fused MBConv early, MBConv later, trained with progressive resizing (384x384).</source>
        <translation>Tan 2021: 앞쪽은 fused MBConv, 뒤쪽은 MBConv, 점진적 크기 조절로 학습 (384x384).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="363"/>
        <source>Tan 2021: fused MBConv early, MBConv later, trained with progressive resizing (480x480).</source>
        <translation>Tan 2021: 앞쪽은 fused MBConv, 뒤쪽은 MBConv, 점진적 크기 조절로 학습 (480x480).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="364"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 400M multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (그룹 잔차 블록의 단계들); 곱셈-덧셈 400M회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="365"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 800M multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (그룹 잔차 블록의 단계들); 곱셈-덧셈 800M회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="366"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 1.6G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (그룹 잔차 블록의 단계들); 곱셈-덧셈 1.6G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="367"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 3.2G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (그룹 잔차 블록의 단계들); 곱셈-덧셈 3.2G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="368"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 8G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (그룹 잔차 블록의 단계들); 곱셈-덧셈 8G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="369"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 16G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (그룹 잔차 블록의 단계들); 곱셈-덧셈 16G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="370"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks); 32G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (그룹 잔차 블록의 단계들); 곱셈-덧셈 32G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="371"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 400M multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (스퀴즈-익사이테이션이 있는 그룹 잔차 블록의 단계들); 곱셈-덧셈 400M회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="372"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 800M multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (스퀴즈-익사이테이션이 있는 그룹 잔차 블록의 단계들); 곱셈-덧셈 800M회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="373"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 1.6G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (스퀴즈-익사이테이션이 있는 그룹 잔차 블록의 단계들); 곱셈-덧셈 1.6G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="374"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 3.2G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (스퀴즈-익사이테이션이 있는 그룹 잔차 블록의 단계들); 곱셈-덧셈 3.2G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="375"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 8G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (스퀴즈-익사이테이션이 있는 그룹 잔차 블록의 단계들); 곱셈-덧셈 8G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="376"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 16G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (스퀴즈-익사이테이션이 있는 그룹 잔차 블록의 단계들); 곱셈-덧셈 16G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="377"/>
        <source>Radosavovic 2020: a network from a searched design space (stages of grouped residual blocks with squeeze-and-excitation); 32G multiply-adds.</source>
        <translation>Radosavovic 2020: 탐색한 설계 공간에서 나온 네트워크 (스퀴즈-익사이테이션이 있는 그룹 잔차 블록의 단계들); 곱셈-덧셈 32G회.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="378"/>
        <source>Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-9-3.</source>
        <translation>Liu 2022: 현대화한 ResNet: 7x7 깊이별 합성곱, 역병목, LayerNorm과 GELU; 블록 3-3-9-3.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="379"/>
        <source>Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-27-3.</source>
        <translation>Liu 2022: 현대화한 ResNet: 7x7 깊이별 합성곱, 역병목, LayerNorm과 GELU; 블록 3-3-27-3.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="380"/>
        <source>Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-27-3, wider.</source>
        <translation>Liu 2022: 현대화한 ResNet: 7x7 깊이별 합성곱, 역병목, LayerNorm과 GELU; 블록 3-3-27-3, 더 넓음.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="381"/>
        <source>Liu 2022: a ResNet modernised: 7x7 depthwise convolutions, inverted bottlenecks, LayerNorm and GELU; blocks 3-3-27-3, widest.</source>
        <translation>Liu 2022: 현대화한 ResNet: 7x7 깊이별 합성곱, 역병목, LayerNorm과 GELU; 블록 3-3-27-3, 가장 넓음.</translation>
    </message>
</context>
<context>
    <name>CamControls</name>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="25"/>
        <source>CAM</source>
        <translation>CAM</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="26"/>
        <source>Class activation map: show where the model looked for the class</source>
        <translation>클래스 활성화 맵(CAM): 모델이 그 클래스를 찾으려고 본 곳을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="32"/>
        <source>The class to explain</source>
        <translation>설명할 클래스</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="36"/>
        <source>The layer the map is computed at</source>
        <translation>맵을 계산할 레이어</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="37"/>
        <source>last conv block</source>
        <translation>마지막 합성곱 블록</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="38"/>
        <source>auto (most faithful)</source>
        <translation>자동 (가장 충실한 레이어)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="40"/>
        <source>Computes the map at the last block of each of the last three resolutions and keeps the one that scores best on deletion and insertion (slower)</source>
        <translation>마지막 세 해상도 각각의 마지막 블록에서 맵을 계산해 삭제·삽입 점수가 가장 좋은 것을 씁니다 (더 느림)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="51"/>
        <source>Opacity of the map</source>
        <translation>맵의 불투명도</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="66"/>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="68"/>
        <source>at</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="71"/>
        <source>opacity</source>
        <translation>불투명도</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="73"/>
        <source>less</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="73"/>
        <source>more important for the class</source>
        <translation>클래스에 더 중요</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="74"/>
        <source>The map&apos;s colours: blue where the region barely raised the class score, red where it raised it most (each map scaled to its own maximum)</source>
        <translation>지도의 색: 파란색은 그 영역이 클래스 점수를 거의 올리지 않은 곳, 빨간색은 가장 많이 올린 곳입니다 (지도마다 자기 최댓값에 맞춤).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="110"/>
        <source>top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/cam_controls.py" line="123"/>
        <source>selected: {layer}</source>
        <translation>선택: {layer}</translation>
    </message>
</context>
<context>
    <name>ChannelWantsDialog</name>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="54"/>
        <source>What {layer} channel {c} wants</source>
        <translation>{layer} 채널 {c}이(가) 원하는 것</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="60"/>
        <source>making the image…</source>
        <translation>이미지 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="66"/>
        <source>Choose a folder to see the images that excite this channel most.</source>
        <translation>폴더를 고르면 이 채널을 가장 강하게 활성화하는 이미지를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="71"/>
        <source>a folder of images (searched with its subfolders)</source>
        <translation>이미지 폴더 (하위 폴더까지 찾음)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="72"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="74"/>
        <source>Find examples</source>
        <translation>예시 찾기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="77"/>
        <source>Whole layer</source>
        <translation>레이어 전체</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="79"/>
        <source>The made image of every channel of {layer} ({steps} steps each, cached)</source>
        <translation>{layer}의 모든 채널에 대해 만든 이미지 (채널마다 {steps}단계, 캐시됨)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="83"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="92"/>
        <source>Examples from:</source>
        <translation>예시 폴더:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="117"/>
        <source>Images to find the channel&apos;s examples in</source>
        <translation>채널의 예시를 찾을 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="148"/>
        <source>Made in {steps} steps ({mode}); the channel&apos;s mean activation on it: {a:.4g}.</source>
        <translation>{steps}단계로 만듦 ({mode}); 이 이미지에서 채널의 평균 활성화: {a:.4g}.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="150"/>
        <source>Fourier image, decorrelated colours</source>
        <translation>푸리에 이미지, 비상관화한 색</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="151"/>
        <source>pixels, for a small input</source>
        <translation>픽셀 직접, 작은 입력용</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="155"/>
        <source>The best of {n} examples from {folder} reaches {b:.4g}: the made image {r:.1f} times that.</source>
        <translation>{folder}의 예시 {n}개 중 가장 높은 것은 {b:.4g}입니다: 만든 이미지는 그 {r:.1f}배.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/wants_dialog.py" line="176"/>
        <source>channels 0-{n} of {layer}, in order</source>
        <translation>{layer}의 채널 0-{n}, 순서대로</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="62"/>
        <source>Start the Live tab first: the models are compared on its current frame.</source>
        <translation>먼저 라이브 탭을 시작하세요: 모델들은 그 현재 프레임으로 비교됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="66"/>
        <source>live frame {n}</source>
        <translation>라이브 프레임 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="73"/>
        <source>Open an image first: the models are compared on the current image.</source>
        <translation>먼저 이미지를 여세요: 모델들을 현재 이미지로 비교합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="78"/>
        <source>Comparing {n} models…</source>
        <translation>모델 {n}개 비교 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="80"/>
        <source>Comparing models</source>
        <translation>모델 비교</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="88"/>
        <source>Comparing the layers of {a} and {b}…</source>
        <translation>{a}와 {b}의 레이어 비교 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="89"/>
        <source>Comparing layers</source>
        <translation>레이어 비교</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="95"/>
        <location filename="../../gui/tabs/compare/controller.py" line="114"/>
        <source>Model {i} of {n}: {model}…</source>
        <translation>모델 {i}/{n}: {model}…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="102"/>
        <source>Layers of {a} and {b} compared on {n} images.</source>
        <translation>{a}와 {b}의 레이어를 이미지 {n}장으로 비교했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/controller.py" line="127"/>
        <source>Cancelled.</source>
        <translation>취소됨.</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="155"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="147"/>
        <source>the current image</source>
        <translation>현재 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="148"/>
        <source>the live frame</source>
        <translation>라이브 프레임</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="149"/>
        <source>a folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="153"/>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="157"/>
        <source>Compare layers…</source>
        <translation>레이어 비교…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="159"/>
        <source>Linear CKA between every layer of the first two ticked models on the images of a folder (at least 4): where the two learn alike, or what fine-tuning changed (a model against the model in use)</source>
        <translation>체크한 처음 두 모델의 모든 레이어 쌍 사이의 선형 CKA를 폴더의 이미지(최소 4장)로 계산합니다: 두 모델이 어디서 비슷하게 배우는지, 또는 미세 조정이 무엇을 바꿨는지(모델과 사용 중인 모델 비교)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="162"/>
        <source>Pick 2-4 models and what to compare them on (the image open in Images, the frame on the Live tab, or a folder), then Compare. The models run one at a time, each with its own preprocessing.</source>
        <translation>모델 2-4개와 비교할 대상(이미지 탭에 열린 이미지, 라이브 탭의 프레임, 또는 폴더)을 고른 뒤 비교를 누르세요. 모델은 한 번에 하나씩, 각자의 전처리로 실행됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="172"/>
        <source>Feature maps at depth:</source>
        <translation>특성 맵 깊이:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="177"/>
        <source>On:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="201"/>
        <source>{p}% of each model&apos;s convolutions</source>
        <translation>각 모델 합성곱의 {p}% 지점</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="210"/>
        <source>Compare the models on the images of a folder</source>
        <translation>폴더의 이미지들로 모델 비교</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="218"/>
        <source>Tick at least two models: the first two are compared layer by layer.</source>
        <translation>모델을 두 개 이상 체크하세요: 처음 두 모델을 레이어별로 비교합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="220"/>
        <source>Compare the layers on the images of a folder</source>
        <translation>폴더의 이미지로 레이어 비교</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="243"/>
        <source>all agree: {label}</source>
        <translation>모두 일치: {label}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="244"/>
        <source>they differ</source>
        <translation>서로 다름</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="245"/>
        <source>Image {i} of {n}: {name} ({verdict})</source>
        <translation>이미지 {i}/{n}: {name} ({verdict})</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="253"/>
        <source>Every model answers {label}.</source>
        <translation>모든 모델의 답: {label}.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="254"/>
        <source>The models give different answers.</source>
        <translation>모델마다 답이 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="256"/>
        <source>The models agree on the top-1 class of {a} of {n} images.</source>
        <translation>이미지 {n}개 중 {a}개에서 모델들의 Top-1 클래스가 같습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="280"/>
        <source>{title}: {params} parameters, {ms:.1f} ms per image</source>
        <translation>{title}: 파라미터 {params}개, 이미지당 {ms:.1f} ms</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="296"/>
        <source>Grad-CAM at {layer}</source>
        <translation>{layer}의 Grad-CAM</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="298"/>
        <source>Feature maps of {layer} (most active first)</source>
        <translation>{layer}의 특성 맵 (활성이 큰 순서)</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <location filename="../../gui/charts.py" line="97"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="98"/>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="103"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="110"/>
        <location filename="../../gui/charts.py" line="161"/>
        <source>train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="111"/>
        <location filename="../../gui/charts.py" line="162"/>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="118"/>
        <source>best</source>
        <translation>최고</translation>
    </message>
</context>
<context>
    <name>EmbeddingDialog</name>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="60"/>
        <source>Data map — {folder}</source>
        <translation>데이터 지도 — {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="70"/>
        <source>colour: folder class</source>
        <translation>색: 폴더 클래스</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="71"/>
        <source>colour: right / wrong</source>
        <translation>색: 맞음 / 틀림</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="75"/>
        <source>The class folder to move the selected images to (type a new name to make one; {folder} holds images of none of the classes)</source>
        <translation>선택한 이미지를 옮길 클래스 폴더 (새 이름을 입력하면 새로 만듭니다. {folder} 폴더에는 어느 클래스도 아닌 이미지를 둡니다)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="80"/>
        <location filename="../../gui/tabs/teach/data_map.py" line="174"/>
        <source>Move selected</source>
        <translation>선택 항목 옮기기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="84"/>
        <source>Undo move</source>
        <translation>옮기기 취소</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="90"/>
        <source>to</source>
        <translation>→</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="97"/>
        <source>Click a dot to open its image with the CAM; drag around dots to select them.</source>
        <translation>점을 클릭하면 그 이미지를 CAM과 함께 엽니다. 점들을 둘러 드래그하면 선택됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="117"/>
        <source>{n} images, {d} features each (the input of the model&apos;s last layer), in 2-D by {how}</source>
        <translation>이미지 {n}개, 각각 특징 {d}개 (모델 마지막 레이어의 입력), 2차원 투영: {how}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="120"/>
        <source> — the axes hold {a:.0f}% and {b:.0f}% of the variance</source>
        <translation> — 두 축이 분산의 {a:.0f}%와 {b:.0f}%를 담습니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="130"/>
        <source>right</source>
        <translation>맞음</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="131"/>
        <source>wrong</source>
        <translation>틀림</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="132"/>
        <source>no class of the model</source>
        <translation>모델의 클래스가 아님</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="174"/>
        <source>Move {n} selected</source>
        <translation>선택한 {n}개 옮기기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="189"/>
        <source>{n} selected: choose a class folder and Move, or drag again.</source>
        <translation>{n}개 선택됨: 클래스 폴더를 고르고 옮기기를 누르거나, 다시 드래그하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="190"/>
        <source>Nothing selected.</source>
        <translation>선택된 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="222"/>
        <source>Moved {n} files to {folder}. Undo puts them back.</source>
        <translation>파일 {n}개를 {folder} 폴더로 옮겼습니다. 취소하면 제자리로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/data_map.py" line="239"/>
        <source>{n} files put back.</source>
        <translation>파일 {n}개를 제자리로 돌렸습니다.</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../../gui/engine_messages.py" line="242"/>
        <source>Weights file {name}: does not hold a state dict (a mapping of names to tensors).</source>
        <translation>가중치 파일 {name}: state dict(이름에서 텐서로의 매핑)가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="245"/>
        <source>Weights file {name}: not a PyTorch weights file ({reason}).</source>
        <translation>가중치 파일 {name}: PyTorch 가중치 파일이 아닙니다 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="246"/>
        <source>Weights file {name}: not a PyTorch weights file ({first}).</source>
        <translation>가중치 파일 {name}: PyTorch 가중치 파일이 아닙니다 ({first}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="248"/>
        <source>Weights file {name}: not a valid safetensors file ({exc}).</source>
        <translation>가중치 파일 {name}: 올바른 safetensors 파일이 아닙니다 ({exc}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="249"/>
        <source>Weights file {name}: refused. Loading it would run code from the file ({value}); only plain state dicts of tensors are accepted. Do not open it unless you trust its source.</source>
        <translation>가중치 파일 {name}: 거부했습니다. 불러오면 파일 안의 코드가 실행됩니다 ({value}). 텐서로만 된 state dict만 받습니다. 출처를 믿을 수 없다면 열지 마세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="90"/>
        <source>Unknown architecture &apos;{arch}&apos; in &apos;{model}&apos;. Known architectures: {known}.</source>
        <translation>&apos;{model}&apos;의 아키텍처 &apos;{arch}&apos;를 알 수 없습니다. 아는 아키텍처: {known}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="92"/>
        <source>Compare 2 to {max} models (got {n}).</source>
        <translation>모델을 2개에서 {max}개까지 비교할 수 있습니다 (받은 수: {n}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="93"/>
        <source>Give at least one image to compare the models on.</source>
        <translation>모델을 비교할 이미지를 하나 이상 주세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="94"/>
        <source>Top-k must be at least 1.</source>
        <translation>Top-k는 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="50"/>
        <source>{folder} has no {name}(.gz).</source>
        <translation>{folder}에 {name}(.gz)이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="58"/>
        <source>{n} classes ({counts}); {n2} train / {n3} val images</source>
        <translation>클래스 {n}개 ({counts}); 훈련 {n2} / 검증 {n3} 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="51"/>
        <source>Data folder {root} not found.</source>
        <translation>데이터 폴더 {root}을(를) 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="52"/>
        <source>{where} needs at least 2 class subfolders with images (found {n}): one folder per class, e.g. rock/, paper/, scissors/.</source>
        <translation>{where}에는 이미지가 든 클래스 하위 폴더가 2개 이상 있어야 합니다 (찾은 수: {n}). 클래스마다 폴더 하나, 예: rock/, paper/, scissors/.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="53"/>
        <source>Too few readable images in {where}: {value}; each class needs at least {minimum}.</source>
        <translation>{where}에 읽을 수 있는 이미지가 너무 적습니다: {value}. 클래스마다 {minimum}개 이상 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="54"/>
        <source>{name}: not an idx file of unsigned bytes.</source>
        <translation>{name}: 부호 없는 바이트의 idx 파일이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="55"/>
        <source>{name}: holds {size} values, its header promises {value}.</source>
        <translation>{name}: 값이 {size}개인데 헤더에는 {value}개라고 되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="56"/>
        <source>{folder}: the images and labels files do not match.</source>
        <translation>{folder}: 이미지 파일과 레이블 파일이 맞지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="57"/>
        <source>{n} classes ({counts}); {n2} train / {n3} val images; {n4} unreadable files skipped</source>
        <translation>클래스 {n}개 ({counts}); 훈련 {n2} / 검증 {n3} 이미지; 읽을 수 없는 파일 {n4}개 건너뜀</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="63"/>
        <source>Validation folder {val_root} has classes {val_classes}, training has {classes}.</source>
        <translation>검증 폴더 {val_root}의 클래스는 {val_classes}, 훈련 폴더의 클래스는 {classes}입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="64"/>
        <source>{name}: damaged gzip file ({exc}).</source>
        <translation>{name}: 손상된 gzip 파일입니다 ({exc}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="174"/>
        <source>Device &apos;{preference}&apos; was asked for, but no CUDA GPU is available here.</source>
        <translation>장치 &apos;{preference}&apos;를 요청했지만 이 컴퓨터에는 CUDA GPU가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="175"/>
        <source>Device &apos;{preference}&apos; was asked for, but Apple MPS is not available here.</source>
        <translation>장치 &apos;{preference}&apos;를 요청했지만 이 컴퓨터에서는 Apple MPS를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="176"/>
        <source>Unknown device &apos;{preference}&apos;: use auto, cpu, cuda or mps.</source>
        <translation>알 수 없는 장치 &apos;{preference}&apos;: auto, cpu, cuda, mps 중에서 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="114"/>
        <source>{root}: not a folder. Give a folder of class subfolders (one per class).</source>
        <translation>{root}: 폴더가 아닙니다. 클래스별 하위 폴더가 있는 폴더를 주세요 (클래스마다 하나).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="115"/>
        <source>{root} has no class subfolders: put the images of each class in a folder named after it (e.g. Samoyed/, tabby/).</source>
        <translation>{root}에 클래스 하위 폴더가 없습니다: 각 클래스의 이미지를 클래스 이름의 폴더에 넣으세요 (예: Samoyed/, tabby/).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="116"/>
        <source>None of the folders in {root} ({value}) names a class of the model (e.g. {examples}); rename them or give a mapping file.</source>
        <translation>{root}의 폴더({value}) 중 모델의 클래스 이름인 것이 없습니다 (예: {examples}). 이름을 바꾸거나 매핑 파일을 주세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="117"/>
        <source>No image files in the class folders of {root}.</source>
        <translation>{root}의 클래스 폴더에 이미지 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="118"/>
        <source>{mapping_file}: the mapping must be a JSON object: folder name -&gt; class.</source>
        <translation>{mapping_file}: 매핑은 JSON 객체(폴더 이름 -&gt; 클래스)여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="120"/>
        <source>{mapping_file}: cannot read the folder-to-class mapping ({exc}).</source>
        <translation>{mapping_file}: 폴더-클래스 매핑을 읽을 수 없습니다 ({exc}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="177"/>
        <source>Unknown export format &apos;{fmt}&apos;: use onnx or torchscript.</source>
        <translation>알 수 없는 내보내기 형식 &apos;{fmt}&apos;: onnx 또는 torchscript를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="179"/>
        <source>Only a PyTorch model can be exported; this one is already an exported file.</source>
        <translation>PyTorch 모델만 내보낼 수 있습니다. 이 모델은 이미 내보낸 파일입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="180"/>
        <source>No sample images for the parity check in {folder}; open some images first.</source>
        <translation>{folder}에 결과 비교용 샘플 이미지가 없습니다. 먼저 이미지를 여세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="181"/>
        <source>Export to {fmt} failed: {value}</source>
        <translation>{fmt}(으)로 내보내기 실패: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="123"/>
        <source>No layer &apos;{name}&apos; in this model.{hint} `convlens summary ARCH --all` lists every layer.</source>
        <translation>이 모델에 &apos;{name}&apos; 레이어가 없습니다.{hint} `convlens summary ARCH --all`이 모든 레이어를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="91"/>
        <source>This model has no convolution layer.</source>
        <translation>이 모델에는 합성곱 레이어가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="205"/>
        <source>{folder} is not empty: choose a new or empty folder for the training bundle.</source>
        <translation>{folder}이(가) 비어 있지 않습니다: 학습 번들을 넣을 새 폴더나 빈 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="206"/>
        <source>{folder}: not a ConvLens training bundle.</source>
        <translation>{folder}: ConvLens 학습 번들이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="207"/>
        <source>Cannot write the training bundle to {folder}: {reason}</source>
        <translation>학습 번들을 {folder}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="208"/>
        <source>{folder} holds no readable training bundle (bundle.json).</source>
        <translation>{folder}에 읽을 수 있는 학습 번들(bundle.json)이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="209"/>
        <source>The weights file {path} is gone: load it again before making the bundle.</source>
        <translation>가중치 파일 {path}이(가) 없습니다: 번들을 만들기 전에 다시 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="237"/>
        <source>{title}&apos;s pretrained weights are not on this computer and could not be downloaded ({why}). Using the bundled {bundled} instead.</source>
        <translation>{title}의 사전 학습 가중치가 이 컴퓨터에 없고 내려받을 수도 없습니다 ({why}). 대신 내장된 {bundled}을(를) 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="238"/>
        <source>The bundled model {file} is damaged (its sha256 does not match). Reinstall ConvLens, or load pretrained weights or a weights file.</source>
        <translation>내장 모델 {file}이(가) 손상되었습니다 (sha256이 일치하지 않음). ConvLens를 다시 설치하거나, 사전 학습 가중치 또는 가중치 파일을 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="239"/>
        <source>ImageNet, bundled</source>
        <translation>ImageNet, 내장</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="240"/>
        <source>The bundled model {name} is missing from {folder}: this ConvLens installation is incomplete. Reinstall ConvLens, or load pretrained weights or a weights file.</source>
        <translation>내장 모델 {name}이(가) {folder}에 없습니다: ConvLens 설치가 불완전합니다. ConvLens를 다시 설치하거나, 사전 학습 가중치 또는 가중치 파일을 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="241"/>
        <source>The bundled model {file} cannot be read ({value}). Reinstall ConvLens.</source>
        <translation>내장 모델 {file}을(를) 읽을 수 없습니다 ({value}). ConvLens를 다시 설치하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="150"/>
        <source>Temperature T = {t:.2f} fitted on {n} validation images ({errors} wrong).</source>
        <translation>검증 이미지 {n}장(틀린 답 {errors}개)으로 온도 T = {t:.2f}를 맞췄습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="151"/>
        <source>{note} The fit asked for a sharper T; it is held at {floor} so that answers never read surer than the split can show.</source>
        <translation>{note} 맞춤 결과는 더 날카로운 T를 원했지만, 답이 검증 데이터가 보여 줄 수 있는 것보다 더 확신에 차 보이지 않도록 {floor}에서 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="152"/>
        <source>No temperature fitted: {n} validation images are too few to calibrate on (it takes at least {min}); the probabilities are the model&apos;s own.</source>
        <translation>온도를 맞추지 않았습니다: 검증 이미지 {n}장은 보정하기에 너무 적습니다(최소 {min}장 필요). 확률은 모델 그대로입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="153"/>
        <source>No temperature fitted: {errors} of {n} validation answers are wrong, too few to learn how often the model is wrong when it is sure (it takes at least {min}); the probabilities are the model&apos;s own.</source>
        <translation>온도를 맞추지 않았습니다: 검증 답 {n}개 중 틀린 것은 {errors}개뿐이라, 모델이 확신할 때 얼마나 자주 틀리는지 배우기에 너무 적습니다(최소 {min}개 필요). 확률은 모델 그대로입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="243"/>
        <source>its build options are not usable (names with plain values expected).</source>
        <translation>빌드 옵션을 쓸 수 없습니다(이름과 단순한 값이어야 합니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="244"/>
        <source>it names {n} classes, more than {max}.</source>
        <translation>클래스가 {n}개로, 최대 {max}개를 넘습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="247"/>
        <source>Weights file {name}: {problem}</source>
        <translation>가중치 파일 {name}: {problem}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="173"/>
        <source>its temperature {t!r} is not usable (a number above 0).</source>
        <translation>온도 {t!r}는 쓸 수 없습니다(0보다 큰 수여야 합니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="95"/>
        <source>There is no model in use to compare.</source>
        <translation>비교할 사용 중인 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="96"/>
        <source>{spec}: {note}</source>
        <translation>{spec}: {note}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="59"/>
        <source>{text}; {n} images of no class ({folder}) held out for the unknown threshold</source>
        <translation>{text}; 어느 클래스도 아닌 이미지 {n}개 ({folder})는 &quot;알 수 없음&quot; 임계값용으로 따로 둠</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="60"/>
        <source>{text}; streamed from disk (decoded as training needs them)</source>
        <translation>{text}; 디스크에서 스트리밍 (학습에 필요할 때 디코딩)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="61"/>
        <source>Class folder {name} in {root} is a link to {target}: its images would be copies of other classes&apos; images. Remove the link (or copy the images in).</source>
        <translation>{root}의 클래스 폴더 {name}은(는) {target}을(를) 가리키는 링크입니다: 그 이미지는 다른 클래스 이미지의 사본이 됩니다. 링크를 지우세요(또는 이미지를 복사해 넣으세요).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="62"/>
        <source>Class folder {name} in {root} is a link to the class folder {twin}: the same images under two names. Remove the link.</source>
        <translation>{root}의 클래스 폴더 {name}은(는) 클래스 폴더 {twin}을(를) 가리키는 링크입니다: 같은 이미지가 두 이름으로 들어갑니다. 링크를 지우세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="225"/>
        <source>The distributed process group is already set up in this process.</source>
        <translation>이 프로세스에는 분산 프로세스 그룹이 이미 설정되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="226"/>
        <source>This PyTorch build has no distributed {backend} backend.</source>
        <translation>이 PyTorch 빌드에는 분산 {backend} 백엔드가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="227"/>
        <source>Process {local} of this machine has no GPU of its own ({n} GPUs): start at most {n} processes per machine (--nproc-per-node).</source>
        <translation>이 머신의 프로세스 {local}에 할당할 GPU가 없습니다 (GPU {n}개): 머신마다 프로세스를 최대 {n}개까지 시작하세요 (--nproc-per-node).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="101"/>
        <source>The data map needs the PyTorch model (its features): load the architecture with a weights file, not an exported model.</source>
        <translation>데이터 지도에는 PyTorch 모델(그 특징)이 필요합니다: 내보낸 모델이 아니라 가중치 파일로 아키텍처를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="102"/>
        <source>Unknown projection &apos;{method}&apos;: use {value}.</source>
        <translation>알 수 없는 투영 방법 &apos;{method}&apos;: 다음 중 하나를 쓰세요: {value}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="103"/>
        <source>{root} has {n} images in class subfolders: the data map needs at least 3.</source>
        <translation>{root}의 클래스 하위 폴더에 이미지가 {n}개뿐입니다: 데이터 지도에는 3개 이상 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="104"/>
        <source>Fewer than 3 readable images in {root}.</source>
        <translation>{root}에 읽을 수 있는 이미지가 3개 미만입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="105"/>
        <source>{method}, as asked</source>
        <translation>{method} (요청대로)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="106"/>
        <source>UMAP needs umap-learn (pip install umap-learn); PCA works without it.</source>
        <translation>UMAP에는 umap-learn이 필요합니다 (pip install umap-learn). PCA는 없어도 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="107"/>
        <source>&apos;{name}&apos; cannot be a class folder name.</source>
        <translation>&apos;{name}&apos;은(는) 클래스 폴더 이름이 될 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="108"/>
        <source>t-SNE needs scikit-learn (pip install scikit-learn); PCA works without it.</source>
        <translation>t-SNE에는 scikit-learn이 필요합니다 (pip install scikit-learn). PCA는 없어도 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="109"/>
        <source>Could not move the files to {folder} ({exc}); none were moved.</source>
        <translation>파일을 {folder} 폴더로 옮기지 못했습니다 ({exc}). 아무 파일도 옮기지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="110"/>
        <source>UMAP (installed): keeps neighbours together and more of the global layout</source>
        <translation>UMAP (설치됨): 이웃을 함께 두고 전체 배치도 더 잘 보존합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="111"/>
        <source>{path} is no longer there: nothing was moved for it.</source>
        <translation>{path} 파일이 더 이상 없습니다: 옮긴 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="112"/>
        <source>t-SNE (scikit-learn is installed, {n} images): keeps neighbours together, so clusters separate; distances between clusters mean little. UMAP is not installed</source>
        <translation>t-SNE (scikit-learn 설치됨, 이미지 {n}개): 이웃을 함께 두어 군집이 잘 갈라집니다. 군집 사이 거리는 별 의미가 없습니다. UMAP은 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="113"/>
        <source>PCA: linear and fast; t-SNE needs scikit-learn and at most {max} images, UMAP needs umap-learn</source>
        <translation>PCA: 선형이고 빠릅니다. t-SNE에는 scikit-learn과 이미지 {max}개 이하가, UMAP에는 umap-learn이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="119"/>
        <source>{folder}: not a folder of images of no class.</source>
        <translation>{folder}: 어느 클래스도 아닌 이미지의 폴더가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="124"/>
        <source>No class named &apos;{wanted}&apos;.{hint}</source>
        <translation>&apos;{wanted}&apos;(이)라는 클래스가 없습니다.{hint}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="125"/>
        <source>{what} need the PyTorch model itself: an ONNX model runs in ONNX Runtime, which cannot be looked inside. Switch the runtime to PyTorch, or load the architecture with its PyTorch weights.</source>
        <translation>{what}에는 PyTorch 모델 자체가 필요합니다: ONNX 모델은 속을 들여다볼 수 없는 ONNX Runtime에서 돕니다. 런타임을 PyTorch로 바꾸거나, 아키텍처를 PyTorch 가중치로 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="126"/>
        <source>{what} need the PyTorch model itself: a TorchScript file cannot be hooked into. Load the architecture with a state-dict weights file instead.</source>
        <translation>{what}에는 PyTorch 모델 자체가 필요합니다: TorchScript 파일에는 훅을 걸 수 없습니다. 대신 state dict 가중치 파일로 아키텍처를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="127"/>
        <source>This model has no layer with a spatial output to compute a CAM on.</source>
        <translation>이 모델에는 CAM을 계산할 공간 출력 레이어가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="128"/>
        <source>Unknown CAM method &apos;{method}&apos;: use gradcam or layercam.</source>
        <translation>알 수 없는 CAM 방법 &apos;{method}&apos;: gradcam 또는 layercam을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="132"/>
        <source>Class {index} does not exist: the model has {n} classes (0-{value}).</source>
        <translation>클래스 {index}은(는) 없습니다: 모델의 클래스는 {n}개입니다 (0-{value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="133"/>
        <source>Layer &apos;{layer}&apos; gives a {shape} output, which cannot be shown as maps.</source>
        <translation>레이어 &apos;{layer}&apos;의 출력은 {shape}(이)라 맵으로 보여 줄 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="21"/>
        <source>Layer &apos;{layer}&apos; is not used when this model classifies an image.</source>
        <translation>이 모델이 이미지를 분류할 때 레이어 &apos;{layer}&apos;는 쓰이지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="129"/>
        <source>Layer &apos;{layer}&apos; gives a {shape} output; a CAM needs a convolutional layer with a (channels, height, width) output.</source>
        <translation>레이어 &apos;{layer}&apos;의 출력은 {shape}입니다. CAM에는 (채널, 높이, 너비) 출력을 내는 합성곱 레이어가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="130"/>
        <source>Class {index} does not exist: the model has {shape} classes.</source>
        <translation>클래스 {index}은(는) 없습니다: 모델의 클래스는 {shape}개입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="41"/>
        <source>Cannot write {name}: the folder {parent} does not exist.</source>
        <translation>{name}을(를) 쓸 수 없습니다: 폴더 {parent}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="42"/>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>{path}에 쓸 수 없습니다: 폴더입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="43"/>
        <source>Cannot write {what}: it is a folder.</source>
        <translation>{what}에 쓸 수 없습니다: 폴더입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="44"/>
        <source>Cannot write {what}: the folder {parent} does not exist.</source>
        <translation>{what}에 쓸 수 없습니다: 폴더 {parent}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="45"/>
        <source>Cannot write {path}: {value}.</source>
        <translation>{path}을(를) 쓸 수 없습니다: {value}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="46"/>
        <source>Cannot write {what}: {value}.</source>
        <translation>{what}에 쓸 수 없습니다: {value}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="47"/>
        <source>Cannot write {what}: it needs about {need:.1f} MB and the disk has {free:.1f} MB free.</source>
        <translation>{what}에 쓸 수 없습니다: 약 {need:.1f} MB가 필요한데 디스크 여유 공간은 {free:.1f} MB입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="48"/>
        <source>{flag} {out} is the input file {input}: writing it would destroy the input. Choose another file name.</source>
        <translation>{flag} {out}은(는) 입력 파일 {input}입니다: 쓰면 입력이 지워집니다. 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="49"/>
        <source>{flag} {out} is an image in the data folder {input}: writing it would destroy that image. Choose another file name.</source>
        <translation>{flag} {out}은(는) 데이터 폴더 {input}에 있는 이미지입니다: 쓰면 그 이미지가 지워집니다. 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="250"/>
        <source>Weights file {name}: is a folder, not a weights file ({path}).</source>
        <translation>가중치 파일 {name}: 가중치 파일이 아니라 폴더입니다({path}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="251"/>
        <source>Weights file {name}: not a regular file ({path}).</source>
        <translation>가중치 파일 {name}: 일반 파일이 아닙니다({path}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="252"/>
        <source>Weights file {name}: not found ({path}).</source>
        <translation>가중치 파일 {name}: 찾을 수 없습니다 ({path}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="253"/>
        <source>Weights file {name}: the file is empty (0 bytes).</source>
        <translation>가중치 파일 {name}: 빈 파일입니다 (0바이트).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="254"/>
        <source>Weights file {name}: cannot be read ({value}).</source>
        <translation>가중치 파일 {name}: 읽을 수 없습니다 ({value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="154"/>
        <source>No layer &apos;{layer}&apos; to cut at; `convlens summary ARCH --all` lists the layers.</source>
        <translation>자를 레이어 &apos;{layer}&apos;가 없습니다. `convlens summary ARCH --all`이 레이어를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="155"/>
        <source>Cannot cut at &apos;{layer}&apos; for a {input_shape}x{input_shape2} input: {value}</source>
        <translation>{input_shape}x{input_shape2} 입력에서는 &apos;{layer}&apos;에서 자를 수 없습니다: {value}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="156"/>
        <source>its head layout is not usable: {problems}.</source>
        <translation>헤드 구성을 쓸 수 없습니다: {problems}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="157"/>
        <source>its head layout metadata is not usable (values of the wrong type).</source>
        <translation>헤드 구성 메타데이터를 쓸 수 없습니다(값의 형식이 맞지 않습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="138"/>
        <source>The model cannot run on a {size} input ({first}).</source>
        <translation>모델을 {size} 입력에서 실행할 수 없습니다 ({first}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="255"/>
        <source>{title} has no pretrained weights to download; use random weights or a weights file.</source>
        <translation>{title}에는 내려받을 사전 학습 가중치가 없습니다. 무작위 가중치나 가중치 파일을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="256"/>
        <source>Pretrained weights for {title} ({name}) are not downloaded yet. Download them, or copy the file to {parent}.</source>
        <translation>{title}의 사전 학습 가중치({name})를 아직 내려받지 않았습니다. 내려받거나 파일을 {parent}에 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="257"/>
        <source>{title} has no pretrained weights &apos;{name}&apos;. Available: {options}.</source>
        <translation>{title}에는 사전 학습 가중치 &apos;{name}&apos;가 없습니다. 있는 것: {options}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="258"/>
        <source>Downloaded {name} does not match its published hash; the file was discarded. Try again.</source>
        <translation>내려받은 {name}이(가) 공개된 해시와 맞지 않아 버렸습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="259"/>
        <source>{name} in {parent} is damaged ({value}); delete it and download again.</source>
        <translation>{parent}의 {name}이(가) 손상되었습니다 ({value}). 지우고 다시 내려받으세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="76"/>
        <source>the file is truncated (incomplete download or copy?)</source>
        <translation>파일이 잘려 있습니다 (내려받기나 복사가 덜 끝났나요?)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="306"/>
        <source>Project {name} is damaged and was not opened ({why}). Nothing was changed.</source>
        <translation>프로젝트 {name}이(가) 손상되어 열지 않았습니다 ({why}). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="307"/>
        <source>Project {name} holds no model of its own.</source>
        <translation>프로젝트 {name}에는 자체 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="308"/>
        <source>Project {file} is not there (moved or deleted?).</source>
        <translation>프로젝트 {file}이(가) 없습니다 (옮겨졌거나 삭제되었나요?).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="309"/>
        <source>{name} is not a ConvLens project (its manifest says format {format!r}).</source>
        <translation>{name}은(는) ConvLens 프로젝트가 아닙니다 (매니페스트의 형식: {format!r}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="310"/>
        <source>Project {name} was saved by a newer ConvLens ({app}, project format {version}); this ConvLens ({ours}) reads project format {supported}. Update ConvLens to open it.</source>
        <translation>프로젝트 {name}은(는) 더 새로운 ConvLens({app}, 프로젝트 형식 {version})로 저장되었습니다. 이 ConvLens({ours})는 프로젝트 형식 {supported}까지 읽습니다. 열려면 ConvLens를 업데이트하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="234"/>
        <source>The training run in this project is damaged ({what}); the model was opened without it.</source>
        <translation>이 프로젝트의 학습 기록이 손상되었습니다 ({what}). 모델은 학습 기록 없이 열었습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="34"/>
        <source>{why} The bundled model is in use instead.</source>
        <translation>{why} 대신 내장 모델을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="81"/>
        <source>video file {name}</source>
        <translation>동영상 파일 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="84"/>
        <source>camera {n}</source>
        <translation>카메라 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="85"/>
        <source>stream {url}</source>
        <translation>스트림 {url}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="273"/>
        <source>Project {name}: its model ({kind!r}) is not one this ConvLens knows.</source>
        <translation>프로젝트 {name}: 모델({kind!r})은 이 ConvLens가 모르는 종류입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="274"/>
        <source>{title} has random (untrained) weights: its answers are meaningless until it is trained. Use it to train from scratch, or load pretrained weights or a file.</source>
        <translation>{title}은(는) 무작위(학습 전) 가중치라서 학습하기 전까지 답에 의미가 없습니다. 처음부터 학습하는 데 쓰거나, 사전 학습 가중치나 파일을 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="277"/>
        <source>Project {name}: its labels file {file} is not there any more.</source>
        <translation>프로젝트 {name}: 라벨 파일 {file}이(가) 더 이상 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="283"/>
        <source>Pretrained weights need an architecture (or leave both out for the bundled {bundled}).</source>
        <translation>사전 학습 가중치에는 아키텍처가 필요합니다 (둘 다 생략하면 내장된 {bundled}을(를) 씁니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="65"/>
        <source>{label}: {width}x{height} is {megapixels:,.1f} megapixels, more than the limit of {limit}. Scale it down first (or raise the limit in the settings).</source>
        <translation>{label}: {width}x{height}은(는) {megapixels:,.1f} 메가픽셀로 한도 {limit}보다 큽니다. 먼저 줄이세요 (또는 설정에서 한도를 올리세요).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="67"/>
        <source>{label}: not a regular file (a pipe or a device), so it is not read.</source>
        <translation>{label}: 일반 파일이 아니라(파이프나 장치) 읽지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="68"/>
        <source>{label}: the file is empty (0 bytes).</source>
        <translation>{label}: 빈 파일입니다 (0바이트).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="69"/>
        <source>{label}: {size:.1f} GB, larger than any image file within the limit of {limit} ({max:.0f} GB).</source>
        <translation>{label}: {size:.1f} GB로, {limit} 제한 안의 어떤 이미지 파일보다 큽니다({max:.0f} GB).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="71"/>
        <source>{label}: file not found ({path}).</source>
        <translation>{label}: 파일을 찾을 수 없습니다 ({path}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="70"/>
        <source>{label} has {frames} frames (an animation or several pages): only the first is used.</source>
        <translation>{label}에는 프레임이 {frames}개 있습니다 (애니메이션 또는 여러 페이지): 첫 번째만 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="73"/>
        <source>{label}: not an image file, or a format that cannot be read.</source>
        <translation>{label}: 이미지 파일이 아니거나 읽을 수 없는 형식입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="74"/>
        <source>{label}: too large to decode safely ({exc}).</source>
        <translation>{label}: 안전하게 디코딩하기에 너무 큽니다 ({exc}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="75"/>
        <source>{label}: the image data is damaged: {reason}.</source>
        <translation>{label}: 이미지 데이터가 손상되었습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="66"/>
        <source>{label}: is a folder, not an image file.</source>
        <translation>{label}: 이미지 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="260"/>
        <source>pretrained {name}</source>
        <translation>사전 학습 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="72"/>
        <source>{label}: cannot be read ({value}).</source>
        <translation>{label}: 읽을 수 없습니다 ({value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="261"/>
        <source>{name}: not a Keras weights file (not an HDF5 file).</source>
        <translation>{name}: Keras 가중치 파일이 아닙니다 (HDF5 파일이 아님).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="262"/>
        <source>Keras weight files can be loaded into {value}; not into {arch}.</source>
        <translation>Keras 가중치 파일은 {value}에만 불러올 수 있습니다. {arch}에는 안 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="263"/>
        <source>{name} does not fit {value}: missing Keras layers {value2}{value3}. {layers}</source>
        <translation>{name}은(는) {value}에 맞지 않습니다: Keras 레이어 {value2}{value3}이(가) 없습니다. {layers}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="264"/>
        <source>{name} holds Keras layers {value}, not {value2}&apos;s. {layers}</source>
        <translation>{name}에는 {value2}가 아닌 Keras 레이어 {value}이(가) 들어 있습니다. {layers}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="265"/>
        <source>{name} does not fit Inception v3: it has {n} bias-free convolutions and {n2} batch norms; Keras&apos; InceptionV3 has {INCEPTION_CONVS} of each. {layers}</source>
        <translation>{name}은(는) Inception v3에 맞지 않습니다: 편향 없는 합성곱 {n}개와 배치 정규화 {n2}개가 있는데, Keras의 InceptionV3에는 각각 {INCEPTION_CONVS}개가 있습니다. {layers}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="266"/>
        <source>{name} does not fit ResNet50: missing Keras layers {value}{value2}. {layers}</source>
        <translation>{name}은(는) ResNet50에 맞지 않습니다: Keras 레이어 {value}{value2}이(가) 없습니다. {layers}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="267"/>
        <source>{name}: an HDF5 file, but not Keras weights (no layer_names).</source>
        <translation>{name}: HDF5 파일이지만 Keras 가중치가 아닙니다 (layer_names 없음).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="268"/>
        <source>{name} has no top (fc1, fc2, predictions): ConvLens needs the with-top file to classify (…_tf_kernels.h5, not …_notop.h5).</source>
        <translation>{name}에는 top(fc1, fc2, predictions)이 없습니다: 분류하려면 top이 있는 파일이 필요합니다 (…_notop.h5가 아닌 …_tf_kernels.h5).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="269"/>
        <source>{name}: layer {name2} has shape {shape}, which does not fit {value} ({shape2} after conversion).</source>
        <translation>{name}: 레이어 {name2}의 형태 {shape}은(는) {value}에 맞지 않습니다 (변환 후 {shape2}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="270"/>
        <source>{name}: layer {name2} has shape {shape}, which does not fit Inception v3 ({shape2} after conversion).</source>
        <translation>{name}: 레이어 {name2}의 형태 {shape}은(는) Inception v3에 맞지 않습니다 (변환 후 {shape2}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="271"/>
        <source>{name}: its top layer {dense} has shape {shape}, not ({in_features}, {out_features}).</source>
        <translation>{name}: top 레이어 {dense}의 형태가 ({in_features}, {out_features})가 아니라 {shape}입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="272"/>
        <source>{name}: layer {conv_name} has shape {shape}, which does not fit ResNet50 ({shape2} after conversion).</source>
        <translation>{name}: 레이어 {conv_name}의 형태 {shape}은(는) ResNet50에 맞지 않습니다 (변환 후 {shape2}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="158"/>
        <source>Labels file {name}: contains no class names.</source>
        <translation>레이블 파일 {name}: 클래스 이름이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="159"/>
        <source>The model has {num_classes} classes and no class names: choose a labels file to name them.</source>
        <translation>모델의 클래스는 {num_classes}개인데 클래스 이름이 없습니다: 레이블 파일을 골라 이름을 붙이세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="160"/>
        <source>Labels file {name}: cannot be read ({exc}).</source>
        <translation>레이블 파일 {name}: 읽을 수 없습니다 ({exc}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="161"/>
        <source>Labels file {name} has {n} names but the model has {num_classes} classes.</source>
        <translation>레이블 파일 {name}에는 이름이 {n}개인데 모델의 클래스는 {num_classes}개입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="162"/>
        <source>Labels file {name}: not valid JSON ({msg}, line {lineno}).</source>
        <translation>레이블 파일 {name}: 올바른 JSON이 아닙니다 ({msg}, {lineno}행).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="163"/>
        <source>Labels file {name}: expected a JSON list or object.</source>
        <translation>레이블 파일 {name}: JSON 리스트나 객체여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="164"/>
        <source>Labels file {name}: JSON keys must be class indices.</source>
        <translation>레이블 파일 {name}: JSON 키는 클래스 번호여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="23"/>
        <source>Load a model before starting live mode.</source>
        <translation>라이브 모드를 시작하기 전에 모델을 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="24"/>
        <source>Choose a dataset folder to record into first.</source>
        <translation>먼저 녹화할 데이터셋 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="228"/>
        <source>Cannot write the feature cache ({gb:.1f} GB) to {folder}: {reason}</source>
        <translation>특징 캐시({gb:.1f} GB)를 {folder}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="300"/>
        <source>ONNX file {path} not found.</source>
        <translation>ONNX 파일 {path}을(를) 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="301"/>
        <source>ONNX {name}</source>
        <translation>ONNX {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="302"/>
        <source>ONNX file {name}: not an image classifier (it needs {n} inputs; a classifier takes one N x C x H x W image batch).</source>
        <translation>ONNX 파일 {name}: 이미지 분류기가 아닙니다 (입력이 {n}개 필요한데, 분류기는 N x C x H x W 이미지 배치 하나를 받습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="303"/>
        <source>ONNX file {name}: output {shape} is not class scores.</source>
        <translation>ONNX 파일 {name}: 출력 {shape}은(는) 클래스 점수가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="304"/>
        <source>ONNX file {name}: does not run on a {crop}x{crop} image ({value}).</source>
        <translation>ONNX 파일 {name}: {crop}x{crop} 이미지에서 실행되지 않습니다 ({value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="305"/>
        <source>ONNX file {name}: cannot be loaded ({first}).</source>
        <translation>ONNX 파일 {name}: 불러올 수 없습니다 ({first}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="165"/>
        <source>The false-accept target must be between 0 and 1 (e.g. 0.05), not {far}.</source>
        <translation>오수락률 목표는 0과 1 사이여야 합니다 (예: 0.05). 받은 값: {far}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="166"/>
        <source>Too few wrong or unknown examples to tune the unknown threshold for a {percent:g}% false-accept rate: {n} held out, at least {need} needed. Add images of none of the classes (e.g. the empty background) to a {folder} folder beside the class folders.</source>
        <translation>오수락률 {percent:g}%에 맞춰 &quot;알 수 없음&quot; 임계값을 정하기에는 틀린 예나 모르는 예가 너무 적습니다: 따로 둔 것 {n}개, 최소 {need}개 필요. 어느 클래스도 아닌 이미지(예: 빈 배경)를 클래스 폴더 옆의 {folder} 폴더에 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="167"/>
        <source>Unknown preprocessing preset &apos;{name}&apos;: use {value}.</source>
        <translation>알 수 없는 전처리 방식 &apos;{name}&apos;: {value} 중에서 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="77"/>
        <source>Type a class name first (for example: rock).</source>
        <translation>먼저 클래스 이름을 입력하세요 (예: rock).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="78"/>
        <source>Class name &apos;{name}&apos; cannot be a folder name: avoid / \ : * ? &quot; &lt; &gt; |.</source>
        <translation>클래스 이름 &apos;{name}&apos;은(는) 폴더 이름이 될 수 없습니다: / \ : * ? &quot; &lt; &gt; | 를 피하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="79"/>
        <source>Could not encode a frame as JPEG for {path}.</source>
        <translation>{path}에 저장할 프레임을 JPEG로 인코딩할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="80"/>
        <source>Cannot create {folder}: {value}.</source>
        <translation>{folder}을(를) 만들 수 없습니다: {value}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="172"/>
        <source>Unknown architecture &apos;{name}&apos;. Known architectures: {known}.</source>
        <translation>알 수 없는 아키텍처 &apos;{name}&apos;. 아는 아키텍처: {known}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="139"/>
        <source>Unknown colour map &apos;{cmap}&apos;: choose one of {value}.</source>
        <translation>알 수 없는 컬러맵 &apos;{cmap}&apos;: {value} 중에서 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="140"/>
        <source>Unknown normalisation &apos;{normalise}&apos;: use channel or shared.</source>
        <translation>알 수 없는 정규화 &apos;{normalise}&apos;: channel 또는 shared를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="141"/>
        <source>Layer &apos;{layer}&apos; has no channels to show.</source>
        <translation>레이어 &apos;{layer}&apos;에는 보여 줄 채널이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="194"/>
        <source>Only a PyTorch model can move to another runtime; {source} is not one.</source>
        <translation>PyTorch 모델만 다른 런타임으로 옮길 수 있습니다. {source}은(는) PyTorch 모델이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="196"/>
        <source>{TITLES} {precision} disagrees with the PyTorch model ({detail}).</source>
        <translation>{TITLES} {precision}의 결과가 PyTorch 모델과 다릅니다 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="198"/>
        <source>The ONNX export of this model disagrees with it ({value}).</source>
        <translation>이 모델을 ONNX로 내보낸 결과가 원래 모델과 다릅니다 ({value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="12"/>
        <source>Unknown runtime &apos;{runtime}&apos;: use {value}.</source>
        <translation>알 수 없는 런타임 &apos;{runtime}&apos;: {value} 중에서 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="200"/>
        <source>OpenVINO cannot compile {name} ({first}).</source>
        <translation>OpenVINO가 {name}을(를) 컴파일할 수 없습니다 ({first}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="195"/>
        <source>OpenVINO is not installed (pip install openvino).</source>
        <translation>OpenVINO가 설치되어 있지 않습니다 (pip install openvino).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="202"/>
        <source>PyTorch f32: {count} would save {saved:.1f} s in {runtime}, converting costs {cost:.1f} s ({timed})</source>
        <translation>PyTorch f32: {count}은(는) {runtime}에서 {saved:.1f}초를 아끼지만, 변환에 {cost:.1f}초가 듭니다({timed})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="203"/>
        <source>PyTorch f32: converting the model would not pay for {count} (a folder of {min} or more images, or live video, times the runtimes for {arch} once on this computer)</source>
        <translation>PyTorch f32: {count}에는 모델 변환이 이득이 되지 않습니다 ({min}장 이상의 폴더나 라이브 영상이면 이 컴퓨터에서 {arch}의 런타임 속도를 한 번 잽니다)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="13"/>
        <source>{what} has no PyTorch model behind it: it runs only in its own runtime.</source>
        <translation>{what}에는 바탕이 되는 PyTorch 모델이 없습니다: 자기 런타임에서만 돕니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="18"/>
        <source>No model is loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="19"/>
        <source>{kind} has no {what} here; load the architecture with PyTorch weights.</source>
        <translation>{kind}에는 여기서 {what}이(가) 없습니다. 아키텍처를 PyTorch 가중치로 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="230"/>
        <source>Epochs and batch size must be at least 1, the learning rate above 0 and the number of loader workers 0 or more.</source>
        <translation>에폭과 배치 크기는 1 이상, 학습률은 0보다 커야 하고, 로더 워커 수는 0 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="9"/>
        <source>{title} ({source})</source>
        <translation>{title} ({source})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="185"/>
        <source>{runtime} {precision}, reduced precision: top-1 agrees with PyTorch f32 on {agree} of {n} of your images, probabilities within {diff:.4f}</source>
        <translation>{runtime} {precision}, 낮은 정밀도: 사용자 이미지 {n}장 중 {agree}장에서 top-1이 PyTorch f32와 같고, 확률 차이는 {diff:.4f} 이내</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="186"/>
        <source>{runtime} {precision}, reduced precision: not the model&apos;s f32 numbers</source>
        <translation>{runtime} {precision}, 낮은 정밀도: 모델의 f32 값이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="187"/>
        <source>The model&apos;s output is not a number (NaN or infinity) for this input: its weights are broken (a diverged training run?), so it has no answer to show.</source>
        <translation>이 입력에 대한 모델의 출력이 수가 아닙니다(NaN 또는 무한대): 가중치가 망가져서(발산한 학습?) 보여 줄 답이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="168"/>
        <source>{name}: its preprocessing metadata is not readable JSON.</source>
        <translation>{name}: 전처리 메타데이터가 읽을 수 있는 JSON이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="169"/>
        <source>its preprocessing is not usable: {problems}.</source>
        <translation>전처리를 쓸 수 없습니다: {problems}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="170"/>
        <source>its preprocessing metadata is not usable (values of the wrong type: {value}).</source>
        <translation>전처리 메타데이터를 쓸 수 없습니다(값의 형식이 맞지 않습니다: {value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="171"/>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="193"/>
        <source>{runtime} f32: the fastest faithful runtime here at batch 1 ({timed})</source>
        <translation>{runtime} f32: 이 컴퓨터에서 배치 1로 가장 빠른, 값이 같은 런타임({timed})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="199"/>
        <source>{n} images</source>
        <translation>이미지 {n}장</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="197"/>
        <source>one image</source>
        <translation>이미지 한 장</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="201"/>
        <source>PyTorch f32: the fastest here at batch 1 ({timed})</source>
        <translation>PyTorch f32: 이 컴퓨터에서 배치 1로 가장 빠름({timed})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="204"/>
        <source>PyTorch f32: {runtime} was left out ({why})</source>
        <translation>PyTorch f32: {runtime}은(는) 제외되었습니다({why})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="10"/>
        <source>{runtime} as chosen</source>
        <translation>선택한 {runtime}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="15"/>
        <source>{label} · {agreement}</source>
        <translation>{label} · {agreement}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="14"/>
        <source>No model is loaded yet: choose an architecture and weights.</source>
        <translation>아직 불러온 모델이 없습니다: 아키텍처와 가중치를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="20"/>
        <source>Open an image first: feature maps and CAMs are computed for the current image.</source>
        <translation>먼저 이미지를 여세요: 특성 맵과 CAM은 현재 이미지에 대해 계산합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="22"/>
        <source>The model in use has no class &apos;{name}&apos;: these results are from another model.</source>
        <translation>사용 중인 모델에는 &apos;{name}&apos; 클래스가 없습니다: 이 결과는 다른 모델의 것입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="16"/>
        <source>Choose a weights file.</source>
        <translation>가중치 파일을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="17"/>
        <source>Choose an architecture first.</source>
        <translation>먼저 아키텍처를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="35"/>
        <source>Choose a training folder: one subfolder of images per class.</source>
        <translation>학습 폴더를 고르세요: 클래스마다 이미지 하위 폴더 하나.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="31"/>
        <source>No model to export.</source>
        <translation>내보낼 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="32"/>
        <source>No model to save.</source>
        <translation>저장할 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="30"/>
        <source>No image files in {what}.</source>
        <translation>{what}에 이미지 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="36"/>
        <source>Load a model first: the evaluation measures the current model.</source>
        <translation>먼저 모델을 불러오세요. 평가는 현재 모델을 측정합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="37"/>
        <source>Load a model first: the data map shows what the current model sees.</source>
        <translation>먼저 모델을 불러오세요: 데이터 지도는 현재 모델이 보는 것을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="39"/>
        <source>Load a model first.</source>
        <translation>먼저 모델을 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="25"/>
        <source>{folder} is not a folder (or no longer exists).</source>
        <translation>{folder}은(는) 폴더가 아닙니다 (또는 더 이상 없습니다).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="26"/>
        <source>No image files found in {folder}.</source>
        <translation>{folder}에서 이미지 파일을 찾지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="27"/>
        <source>None of the images in {folder} could be read.</source>
        <translation>{folder}의 이미지를 하나도 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="40"/>
        <source>Reading images…</source>
        <translation>이미지 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="28"/>
        <source>Compared the first {limit} of the {n} images of the folder.</source>
        <translation>폴더의 이미지 {n}개 중 처음 {limit}개를 비교했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="29"/>
        <source>Left out {n} unreadable files: {names}.</source>
        <translation>읽을 수 없는 파일 {n}개를 제외했습니다: {names}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="235"/>
        <source>A TorchScript model cannot be fine-tuned: load the architecture with a state-dict file.</source>
        <translation>TorchScript 모델은 미세 조정할 수 없습니다: state dict 파일로 아키텍처를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="236"/>
        <source>No layer &apos;{until}&apos; to freeze up to; `convlens summary ARCH --all` lists the layers.</source>
        <translation>고정할 기준 레이어 &apos;{until}&apos;가 없습니다. `convlens summary ARCH --all`이 레이어를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="229"/>
        <source>Unknown optimizer &apos;{optimizer}&apos;: use {value}.</source>
        <translation>알 수 없는 옵티마이저 &apos;{optimizer}&apos;: {value} 중에서 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="231"/>
        <source>Training needs images for both training and validation.</source>
        <translation>학습에는 훈련용과 검증용 이미지가 모두 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="232"/>
        <source>{n} training images cannot be shared by {world} processes.</source>
        <translation>학습 이미지 {n}개를 프로세스 {world}개가 나눌 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="233"/>
        <source>fine-tuned ({n} images, best epoch {best_epoch})</source>
        <translation>미세 조정됨 (이미지 {n}개, 최고 에포크 {best_epoch})</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="82"/>
        <source>Stream {source} cannot be opened: check the address and the network.</source>
        <translation>스트림 {source}을(를) 열 수 없습니다: 주소와 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="83"/>
        <source>No video source given: enter a camera number (0, 1, ...), a video file or a stream URL.</source>
        <translation>영상 소스가 없습니다: 카메라 번호(0, 1, ...), 동영상 파일 또는 스트림 URL을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="86"/>
        <source>Camera {source} cannot be opened (tried OpenCV&apos;s default backend for index {source}).{others} Is it connected, and not in use by another program? A video file or a stream URL works too.</source>
        <translation>카메라 {source}을(를) 열 수 없습니다 (OpenCV 기본 백엔드로 {source}번을 시도함).{others} 연결되어 있고 다른 프로그램이 쓰고 있지 않은가요? 동영상 파일이나 스트림 URL도 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="87"/>
        <source>Video file {path} not found.</source>
        <translation>동영상 파일 {path}을(를) 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="88"/>
        <source>Video file {name} cannot be opened: not a video, or a format OpenCV cannot read.</source>
        <translation>동영상 파일 {name}을(를) 열 수 없습니다: 동영상이 아니거나 OpenCV가 읽을 수 없는 형식입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="275"/>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="278"/>
        <source>Weights file {name} does not fit {title}: {details}. Is it for another architecture?</source>
        <translation>가중치 파일 {name}이(가) {title}에 맞지 않습니다: {details}. 다른 아키텍처의 가중치인가요?</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="276"/>
        <source>file {name}</source>
        <translation>파일 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="11"/>
        <source>Only a PyTorch model can be quantized; {source} is not one.</source>
        <translation>PyTorch 모델만 양자화할 수 있습니다. {source}는 PyTorch 모델이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="33"/>
        <source>An int8 export needs a folder of your own images to calibrate on.</source>
        <translation>int8 내보내기에는 보정에 쓸 내 이미지 폴더가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="38"/>
        <source>Load a model first: wrong labels are found with the current model&apos;s features.</source>
        <translation>먼저 모델을 불러오세요: 잘못된 레이블은 현재 모델의 특성으로 찾습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="97"/>
        <source>Comparing layers takes at least {min} images (got {n}).</source>
        <translation>층 비교에는 이미지가 최소 {min}장 필요합니다(받은 수: {n}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="98"/>
        <source>Compare the layers of exactly 2 models (got {n}).</source>
        <translation>층 비교는 정확히 모델 2개로 합니다(받은 수: {n}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="99"/>
        <source>--batch-size must be at least {min} (got {n}).</source>
        <translation>--batch-size는 최소 {min}이어야 합니다(받은 값: {n}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="100"/>
        <source>left out {name}: {error}</source>
        <translation>{name} 제외: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="121"/>
        <source>{root} has {n} class folders: finding wrong labels takes at least 2 classes.</source>
        <translation>{root}에는 클래스 폴더가 {n}개 있습니다: 잘못된 레이블을 찾으려면 클래스가 최소 2개 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="122"/>
        <source>Class &apos;{name}&apos; has {n} readable images in {root}: cross-validation takes at least 2 per class.</source>
        <translation>{root}의 클래스 &apos;{name}&apos;에는 읽을 수 있는 이미지가 {n}장뿐입니다: 교차 검증에는 클래스마다 최소 2장이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="131"/>
        <source>Layer &apos;{layer}&apos; does not lead to the model&apos;s classes: no CAM can be computed there.</source>
        <translation>레이어 &apos;{layer}&apos;의 출력은 모델의 클래스로 이어지지 않습니다: 여기서는 CAM을 계산할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="134"/>
        <source>Comparing layers needs the PyTorch model itself: a TorchScript or ONNX file cannot be hooked into. Load the architecture with a state-dict weights file instead.</source>
        <translation>층 비교에는 PyTorch 모델 자체가 필요합니다. TorchScript나 ONNX 파일에는 훅을 걸 수 없습니다. 대신 아키텍처를 state-dict 가중치 파일과 함께 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="135"/>
        <source>This model has no convolution blocks or activations to compare.</source>
        <translation>이 모델에는 비교할 합성곱 블록이나 활성화가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="136"/>
        <source>The unbiased HSIC needs at least 4 images in a batch (got {n}).</source>
        <translation>불편(unbiased) HSIC에는 배치마다 이미지가 최소 4장 필요합니다(받은 수: {n}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="137"/>
        <source>No images were compared.</source>
        <translation>비교한 이미지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="142"/>
        <source>Layer &apos;{layer}&apos; gives a {shape} output; a channel to visualise needs a convolutional layer with a (channels, height, width) output.</source>
        <translation>레이어 &apos;{layer}&apos;의 출력은 {shape}입니다. 시각화할 채널에는 (채널, 높이, 너비) 출력을 내는 합성곱 레이어가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="143"/>
        <source>Layer &apos;{layer}&apos; has {n} channels (0-{last}); there is no channel {channel}.</source>
        <translation>레이어 &apos;{layer}&apos;에는 채널이 {n}개(0-{last}) 있습니다. 채널 {channel}은(는) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="144"/>
        <source>--steps must be at least {min} (got {n}).</source>
        <translation>--steps는 최소 {min}이어야 합니다(받은 값: {n}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="145"/>
        <source>--size must be between {min} and {max} pixels (got {n}).</source>
        <translation>--size는 {min}에서 {max} 픽셀 사이여야 합니다(받은 값: {n}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="146"/>
        <source>timm has no architecture &apos;{name}&apos;{hint}. `timm.list_models()` lists them.</source>
        <translation>timm에는 &apos;{name}&apos; 아키텍처가 없습니다{hint}. `timm.list_models()`가 목록을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="147"/>
        <source>timm&apos;s pretrained weights for {name} are not in the Hugging Face cache ({cache}) and huggingface.co cannot be reached: connect once to download them, or copy the cache from a computer that has them.</source>
        <translation>{name}의 timm 사전 학습 가중치가 Hugging Face 캐시({cache})에 없고 huggingface.co에 연결할 수 없습니다: 한 번 인터넷에 연결해 내려받거나, 가중치가 있는 컴퓨터에서 캐시를 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="148"/>
        <source>timm is not installed (pip install timm): timm:NAME architectures need it.</source>
        <translation>timm이 설치되어 있지 않습니다 (pip install timm): timm:NAME 아키텍처에 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="149"/>
        <source>timm&apos;s pretrained weights for {name} could not be loaded ({why}); the cache is {cache}.</source>
        <translation>{name}의 timm 사전 학습 가중치를 불러올 수 없습니다 ({why}). 캐시 위치: {cache}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="178"/>
        <source>An {fmt} export needs a calibration folder of your own images (engine.runtime.export_int8).</source>
        <translation>{fmt} 내보내기에는 내 이미지로 된 보정 폴더가 필요합니다 (engine.runtime.export_int8).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="182"/>
        <source>Unknown int8 export format &apos;{fmt}&apos;: use {formats}.</source>
        <translation>알 수 없는 int8 내보내기 형식 &apos;{fmt}&apos;: {formats} 중 하나를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="183"/>
        <source>An {fmt} export is a {suffix} file, not {name}.</source>
        <translation>{fmt} 내보내기는 {name} 이 아니라 {suffix} 파일입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="184"/>
        <source>Could not write {file}: {reason}</source>
        <translation>{file} 을(를) 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="189"/>
        <source>OpenVINO int8, calibrated on {n} images of {folder}: top-1 agrees with PyTorch f32 on {agree} of them ({rate:.1f}%), probabilities within {diff:.3f}</source>
        <translation>OpenVINO int8, {folder}의 이미지 {n}장으로 보정: top-1이 PyTorch f32와 {agree}장에서 일치({rate:.1f}%), 확률 차이 {diff:.3f} 이내</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="190"/>
        <source>The calibration folder {folder} is not a folder.</source>
        <translation>보정 폴더 {folder}는 폴더가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="191"/>
        <source>The calibration folder {folder} has {n} images; int8 calibration takes at least {min} of the kind the model will see.</source>
        <translation>보정 폴더 {folder}에 이미지가 {n}장 있습니다. int8 보정에는 모델이 보게 될 종류의 이미지가 최소 {min}장 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="192"/>
        <source>Only {n} images of the calibration folder {folder} could be read; int8 calibration takes at least {min}.</source>
        <translation>보정 폴더 {folder}에서 읽을 수 있는 이미지가 {n}장뿐입니다. int8 보정에는 최소 {min}장이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="188"/>
        <source>int8 needs NNCF, which this installation does not have (pip install nncf).</source>
        <translation>int8에는 NNCF가 필요한데 이 설치에는 없습니다(pip install nncf).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="89"/>
        <source>Frame {index} of the video cannot be decoded: the file is damaged there.</source>
        <translation>동영상의 {index}번째 프레임을 디코딩할 수 없습니다: 파일의 그 부분이 손상되었습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="210"/>
        <source>Nothing stands out</source>
        <translation>눈에 띄는 문제 없음</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="211"/>
        <source>validation accuracy {val:.1f}%, and training and validation agree.</source>
        <translation>검증 정확도 {val:.1f}%, 훈련과 검증이 비슷합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="212"/>
        <source>Over-fitting</source>
        <translation>과대적합</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="213"/>
        <source>{train:.1f}% on the training images against {val:.1f}% on validation (epoch {e}): the model learnt the training images better than the task.</source>
        <translation>훈련 이미지에서 {train:.1f}%, 검증에서 {val:.1f}% (에포크 {e}): 모델이 작업보다 훈련 이미지를 더 잘 외웠습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="214"/>
        <source>Under-fitting</source>
        <translation>과소적합</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="215"/>
        <source>only {train:.1f}% even on the training images (validation {val:.1f}%): the model has not learnt the task yet.</source>
        <translation>훈련 이미지에서도 {train:.1f}%뿐입니다 (검증 {val:.1f}%): 모델이 아직 작업을 배우지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="216"/>
        <source>Still improving</source>
        <translation>아직 나아지는 중</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="217"/>
        <source>the validation loss was still falling in the last of the {n} epochs.</source>
        <translation>{n}개 에포크 중 마지막에도 검증 손실이 계속 줄고 있었습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="218"/>
        <source>Class imbalance</source>
        <translation>클래스 불균형</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="219"/>
        <source>{large} has {large_n} training images, {small} only {small_n} ({ratio:.1f}×): the model leans towards the larger class.</source>
        <translation>훈련 이미지가 {large} {large_n}개, {small} {small_n}개뿐입니다 ({ratio:.1f}배): 모델이 큰 클래스 쪽으로 기웁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="220"/>
        <source>Few images</source>
        <translation>이미지 부족</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="221"/>
        <source>fewer than {n} training images in {classes}.</source>
        <translation>{classes}의 훈련 이미지가 {n}개보다 적습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="222"/>
        <source>, mostly taken for {other}</source>
        <translation>, 주로 {other}(으)로 착각</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="223"/>
        <source>A weak class</source>
        <translation>약한 클래스</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="224"/>
        <source>{c} is found less often: recall {r:.0f}% against {a:.0f}% overall{confused}.</source>
        <translation>{c}: 덜 찾아냅니다. 전체 {a:.0f}%에 비해 재현율 {r:.0f}%{confused}.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="279"/>
        <source>{name}: Keras weight files can be loaded into {value}; not into {title}.</source>
        <translation>{name}: Keras 가중치 파일은 {value}에만 불러올 수 있습니다. {title}에는 안 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="280"/>
        <source>Keras {name}</source>
        <translation>Keras {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="281"/>
        <source>TorchScript {name}</source>
        <translation>TorchScript {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="282"/>
        <source>TorchScript file {name}: does not return class scores (a batch x classes tensor).</source>
        <translation>TorchScript 파일 {name}: 클래스 점수(배치 x 클래스 텐서)를 돌려주지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="284"/>
        <source>{title}: timm&apos;s weights are chosen by name (timm:ARCH.TAG), not &apos;{weights}&apos;.</source>
        <translation>{title}: timm 가중치는 &apos;{weights}&apos;이(가) 아니라 이름(timm:ARCH.TAG)으로 고릅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="285"/>
        <source>pretrained (timm)</source>
        <translation>사전 학습됨 (timm)</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="286"/>
        <source>project {name}</source>
        <translation>프로젝트 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="287"/>
        <source>Project {name}: its weights file {file} is not there any more (moved or deleted?). Put it back, or load the weights from where they are now.</source>
        <translation>프로젝트 {name}: 가중치 파일 {file}이(가) 더 이상 없습니다 (옮겨졌거나 삭제되었나요?). 제자리에 되돌리거나, 지금 있는 곳에서 가중치를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="288"/>
        <source>Project {name} names another project as its weights ({file}).</source>
        <translation>프로젝트 {name}이(가) 다른 프로젝트를 가중치로 가리킵니다 ({file}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="289"/>
        <source>Weights file {name}: choose the architecture these weights belong to.</source>
        <translation>가중치 파일 {name}: 이 가중치의 아키텍처를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="290"/>
        <source>Weights file {name}: its build options {options} do not fit {title} ({why}).</source>
        <translation>가중치 파일 {name}: 빌드 옵션 {options}이(가) {title}에 맞지 않습니다({why}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="291"/>
        <source>{name} has {file_classes} classes; {title}&apos;s usual head has {default_classes}. The head was rebuilt to match.</source>
        <translation>{name}의 클래스는 {file_classes}개인데 {title}의 보통 헤드는 {default_classes}개입니다. 헤드를 맞게 다시 만들었습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="292"/>
        <source>{name}: choose the architecture of these Keras weights ({value}).</source>
        <translation>{name}: 이 Keras 가중치의 아키텍처를 고르세요 ({value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="293"/>
        <source>{name}: Keras {title} weights (recognised from its layer names).</source>
        <translation>{name}: Keras {title} 가중치 (레이어 이름으로 알아봄).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="294"/>
        <source>{name} has no top: the classifier is untrained. Use it to fine-tune a new head.</source>
        <translation>{name}에는 top이 없습니다: 분류기가 학습되지 않았습니다. 새 헤드를 미세 조정하는 데 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="295"/>
        <source>TorchScript file {name}: cannot be loaded ({value}).</source>
        <translation>TorchScript 파일 {name}: 불러올 수 없습니다 ({value}).</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="296"/>
        <source>The bundled weights are {bundled}; they do not fit {title}.</source>
        <translation>내장 가중치는 {bundled}의 것이라 {title}에는 맞지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="297"/>
        <source>Random weights need an architecture.</source>
        <translation>무작위 가중치에는 아키텍처가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="298"/>
        <source>{name} is a {title} checkpoint; loaded as {title}, not {title2}.</source>
        <translation>{name}은(는) {title} 체크포인트입니다. {title2}가 아니라 {title}(으)로 불러왔습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/engine_messages.py" line="299"/>
        <source>TorchScript file {name}: does not run on a {shape} image ({value}).</source>
        <translation>TorchScript 파일 {name}: {shape} 이미지에서 실행되지 않습니다 ({value}).</translation>
    </message>
</context>
<context>
    <name>FeatureMapView</name>
    <message>
        <location filename="../../gui/feature_view.py" line="106"/>
        <source>Select a layer in the tree to see its feature maps.</source>
        <translation>트리에서 레이어를 선택하면 특성 맵이 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="112"/>
        <source>Colour map</source>
        <translation>컬러맵</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="114"/>
        <source>Per-channel range</source>
        <translation>채널별 범위</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="115"/>
        <source>Shared range</source>
        <translation>공통 범위</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="116"/>
        <source>Stretch each map over its own range, or one range for the page</source>
        <translation>맵마다 자기 범위로 늘이거나, 한 페이지에 하나의 범위를 씁니다</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="125"/>
        <source>low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="125"/>
        <source>high activation</source>
        <translation>높은 활성</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="126"/>
        <source>Each tile&apos;s colours run from its channel&apos;s lowest value to its highest (Per-channel range), or over the whole page (Shared range)</source>
        <translation>타일의 색은 채널의 가장 낮은 값부터 가장 높은 값까지(채널별 범위), 또는 페이지 전체에 걸쳐(공통 범위) 칠해집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="140"/>
        <source>Click a channel</source>
        <translation>채널을 클릭하세요</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="144"/>
        <source>What it wants</source>
        <translation>원하는 것</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="146"/>
        <source>An image made to excite this channel as much as possible (activation maximisation), beside the images of a folder that excite it most</source>
        <translation>이 채널을 최대한 활성화하도록 만든 이미지(활성화 최대화)를, 폴더에서 이 채널을 가장 강하게 활성화하는 이미지들과 나란히 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="206"/>
        <source>&lt;b&gt;{layer}&lt;/b&gt; — {c} channels of {h}×{w}; showing {a}–{b}, most active first</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; — {h}×{w} 채널 {c}개; {a}–{b}번째 표시, 활성이 큰 순서</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="237"/>
        <source>class {c}: {name}</source>
        <translation>클래스 {c}: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="239"/>
        <source>channel {c}</source>
        <translation>채널 {c}</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="241"/>
        <source>{what} (rank {r} of {n})
min {lo:.3g}   max {hi:.3g}   mean {mean:.3g}</source>
        <translation>{what} ({n}개 중 {r}위)
최소 {lo:.3g}   최대 {hi:.3g}   평균 {mean:.3g}</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="272"/>
        <source>page {p}/{n}</source>
        <translation>{p}/{n} 페이지</translation>
    </message>
</context>
<context>
    <name>FiltersView</name>
    <message>
        <location filename="../../gui/feature_view.py" line="284"/>
        <source>The first convolution&apos;s kernels appear here once a model is loaded.</source>
        <translation>모델을 불러오면 첫 번째 합성곱의 커널(필터)이 여기에 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/feature_view.py" line="299"/>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: {n} kernels of {kh}×{kw}, shown as RGB (grey = 0; one scale for all)</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;: {kh}×{kw} 커널 {n}개, RGB로 표시 (회색 = 0, 모두 같은 척도)</translation>
    </message>
</context>
<context>
    <name>FolderController</name>
    <message>
        <location filename="../../gui/tabs/folder/controller.py" line="55"/>
        <source>Classifying {what}</source>
        <translation>{what} 분류 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/controller.py" line="94"/>
        <source>Nothing to export yet: drop a folder of images first.</source>
        <translation>아직 내보낼 결과가 없습니다. 먼저 이미지 폴더를 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/controller.py" line="97"/>
        <source>Export results as CSV</source>
        <translation>결과를 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/controller.py" line="98"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/controller.py" line="105"/>
        <source>Writing {file}</source>
        <translation>{file} 저장 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/controller.py" line="106"/>
        <source>Saved {file}</source>
        <translation>{file} 저장됨</translation>
    </message>
</context>
<context>
    <name>FolderView</name>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="83"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="83"/>
        <source>Top-1</source>
        <translation>1위</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="83"/>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="84"/>
        <source>Top-5</source>
        <translation>상위 5</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="110"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="112"/>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="114"/>
        <source>Drop a folder to classify all its images.</source>
        <translation>폴더를 끌어다 놓으면 그 안의 모든 이미지를 분류합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="118"/>
        <location filename="../../gui/tabs/folder/view.py" line="160"/>
        <source>Only skipped files</source>
        <translation>건너뛴 파일만</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="155"/>
        <source>Looking for images in {what}…</source>
        <translation>{what}에서 이미지를 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="163"/>
        <source>Classified by {model}</source>
        <translation>{model}(으)로 분류함</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="167"/>
        <source>Classifying {n} images in {what}…</source>
        <translation>{what}의 이미지 {n}개 분류 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="176"/>
        <source>{done}/{total}, ETA {eta}</source>
        <translation>{done}/{total}, 남은 시간 {eta}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="195"/>
        <source>{good} classified, {skipped} skipped</source>
        <translation>{good}개 분류, {skipped}개 건너뜀</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="200"/>
        <source>Only skipped files ({n})</source>
        <translation>건너뛴 파일만 ({n})</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="202"/>
        <source>Cancelled. </source>
        <translation>취소됨. </translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="206"/>
        <source>done in {t}</source>
        <translation>{t}에 완료</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="219"/>
        <location filename="../../gui/tabs/folder/view.py" line="234"/>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/folder/view.py" line="223"/>
        <source>unknown ({label}?)</source>
        <translation>알 수 없음 ({label}?)</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../../gui/glossary.py" line="24"/>
        <source>Backbone</source>
        <translation>백본</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="25"/>
        <source>The pretrained convolutional layers that turn an image into features. In transfer learning they are kept frozen (not trained), so a small data set is enough.</source>
        <translation>이미지를 특성으로 바꾸는 사전 학습된 합성곱 레이어들. 전이 학습에서는 고정(학습하지 않음)해 두므로 작은 데이터셋으로도 충분합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="27"/>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="28"/>
        <source>The new layers on top of the backbone that turn its features into your classes: a dropout and a linear layer, or a dense (fully connected) layer first as in seed 003. Only the head is trained unless you train the backbone too.</source>
        <translation>백본 위에 올리는 새 레이어로, 백본의 특성을 여러분의 클래스로 바꿉니다: 드롭아웃과 선형 레이어, 또는 seed 003처럼 먼저 Dense(완전 연결) 레이어. 백본도 학습하지 않는 한 헤드만 학습합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="31"/>
        <source>Transfer learning</source>
        <translation>전이 학습</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="32"/>
        <source>Reusing a network trained on a large data set (ImageNet) for a new task: keep its backbone, train a new head on your images. Fine-tuning goes further and also trains (part of) the backbone.</source>
        <translation>큰 데이터셋(ImageNet)으로 학습한 신경망을 새 작업에 다시 쓰는 것: 백본은 그대로 두고 새 헤드를 여러분의 이미지로 학습합니다. 미세 조정(파인 튜닝)은 한 걸음 더 나아가 백본(의 일부)도 학습합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="34"/>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="35"/>
        <source>During training, randomly switches off this fraction of the head&apos;s inputs at every step, so the model cannot lean on a few features. It fights over-fitting; seed 003 uses 0.2.</source>
        <translation>학습하는 동안 매 단계마다 헤드 입력의 이 비율만큼을 무작위로 꺼서, 모델이 몇몇 특성에만 기대지 못하게 합니다. 과대적합을 막으며, seed 003은 0.2를 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="37"/>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="37"/>
        <source>One pass over all the training images.</source>
        <translation>훈련 이미지 전체를 한 번 도는 것.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="38"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="39"/>
        <source>How many images are processed together before the weights are updated once.</source>
        <translation>가중치를 한 번 갱신하기 전에 함께 처리하는 이미지 수.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="40"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="41"/>
        <source>How big a step the optimizer takes each update. Too high and the loss jumps around or grows; too low and training is slow. 0.001 suits Adam; seed 003 uses 0.0001 with RMSprop.</source>
        <translation>옵티마이저가 갱신마다 내딛는 보폭. 너무 크면 손실이 들쭉날쭉하거나 커지고, 너무 작으면 학습이 느립니다. Adam에는 0.001이 알맞고, seed 003은 RMSprop에 0.0001을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="43"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="44"/>
        <source>The rule that updates the weights from the gradient: SGD with momentum, Adam or RMSprop.</source>
        <translation>기울기로 가중치를 갱신하는 규칙: 모멘텀 SGD, Adam, RMSprop.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="45"/>
        <source>Early stopping</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="46"/>
        <source>Stop training when the validation loss has not improved for a number of epochs (the patience), and keep the weights of the best epoch. It stops before over-fitting sets in.</source>
        <translation>검증 손실이 일정 에포크(인내) 동안 나아지지 않으면 학습을 멈추고 가장 좋았던 에포크의 가중치를 남깁니다. 과대적합이 시작되기 전에 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="48"/>
        <source>Patience</source>
        <translation>인내(patience)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="49"/>
        <source>How many epochs without a better validation loss early stopping waits before it stops training.</source>
        <translation>검증 손실이 나아지지 않는 에포크를 조기 종료가 몇 번까지 기다린 뒤 학습을 멈추는지.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="50"/>
        <source>Data augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="51"/>
        <source>Random changes to the training images (rotation, shift, shear, zoom, flip) so that every epoch sees new variants: more data for free, less over-fitting.</source>
        <translation>훈련 이미지에 무작위 변화(회전, 이동, 전단, 확대/축소, 뒤집기)를 주어 에포크마다 새 변형을 보게 합니다: 공짜로 데이터가 늘고 과대적합이 줄어듭니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="53"/>
        <source>Input size</source>
        <translation>입력 크기</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="54"/>
        <source>The height and width images are resized to before they enter the network (224 for most ImageNet models, 299 for Inception v3, 150 in seed 003). Smaller is faster, larger sees more detail.</source>
        <translation>신경망에 들어가기 전에 이미지를 맞추는 높이와 너비 (대부분의 ImageNet 모델은 224, Inception v3는 299, seed 003은 150). 작을수록 빠르고, 클수록 세부를 더 봅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="56"/>
        <source>Validation set</source>
        <translation>검증 세트</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="57"/>
        <source>Images kept out of training (20% of each class unless you give a folder) to measure how well the model does on images it has not learnt.</source>
        <translation>학습에 쓰지 않고 떼어 둔 이미지 (폴더를 주지 않으면 클래스마다 20%). 모델이 배우지 않은 이미지에서 얼마나 잘하는지 잽니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="59"/>
        <source>Over-fitting</source>
        <translation>과대적합</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="60"/>
        <source>The model learns the training images, noise included, better than the task: training accuracy is much higher than validation accuracy (seed 003: 94.7% vs 88.6%).</source>
        <translation>모델이 작업 자체보다 훈련 이미지를 잡음까지 외워 버린 상태: 훈련 정확도가 검증 정확도보다 훨씬 높습니다 (seed 003: 94.7% 대 88.6%).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="62"/>
        <source>Under-fitting</source>
        <translation>과소적합</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="63"/>
        <source>The model has not learnt even the training images well: both accuracies stay low.</source>
        <translation>모델이 훈련 이미지조차 잘 배우지 못한 상태: 두 정확도 모두 낮습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="64"/>
        <source>Calibration</source>
        <translation>보정(calibration)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="65"/>
        <source>Whether &quot;90% sure&quot; comes true 90% of the time. After training, temperature scaling divides the scores by one number T fitted on the validation split; the expected calibration error (ECE) is the average gap between confidence and accuracy, and the diagram shows it per confidence range.</source>
        <translation>&quot;90% 확신&quot;이 실제로 90% 맞는지. 학습 후 온도 스케일링이 검증 세트로 맞춘 숫자 하나 T로 점수를 나눕니다. 기대 보정 오차(ECE)는 확신도와 정확도의 평균 차이이며, 그림은 확신도 구간마다 그 차이를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="68"/>
        <source>Unknown (none of the above)</source>
        <translation>알 수 없음 (해당 없음)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="69"/>
        <source>A classifier always names one of its classes, even for an empty background. Below a confidence threshold ConvLens answers &quot;unknown&quot; instead. The threshold is chosen on held-out images so that at most the target share of wrong or unknown inputs still gets an answer (the false-accept rate); the curve shows what each threshold costs in right answers.</source>
        <translation>분류기는 빈 배경에도 항상 자기 클래스 중 하나를 답합니다. ConvLens는 확신도가 임계값 이하이면 대신 &quot;알 수 없음&quot;이라고 답합니다. 임계값은 따로 떼어 둔 이미지에서, 틀린 입력이나 모르는 입력 중 답을 받는 비율(오수락률)이 목표 이하가 되도록 고릅니다. 곡선은 임계값마다 맞는 답을 얼마나 잃는지 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="73"/>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="74"/>
        <source>Rows are the true classes, columns the predicted ones; the diagonal counts the correct answers, every other cell a kind of mistake.</source>
        <translation>행은 실제 클래스, 열은 예측한 클래스. 대각선은 맞힌 개수이고, 나머지 칸은 각각 한 종류의 실수입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="76"/>
        <source>Precision and recall</source>
        <translation>정밀도와 재현율</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="77"/>
        <source>Precision: of the images predicted as a class, how many are. Recall: of the images of a class, how many were found.</source>
        <translation>정밀도: 어떤 클래스로 예측한 이미지 중 실제로 그 클래스인 비율. 재현율: 어떤 클래스의 이미지 중 찾아낸 비율.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="79"/>
        <source>Feature map</source>
        <translation>특성 맵</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="80"/>
        <source>The output of one filter of a convolution layer: where in the image the pattern it detects appears.</source>
        <translation>합성곱 레이어의 필터 하나가 내는 출력: 그 필터가 찾는 패턴이 이미지의 어디에 나타나는지.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="82"/>
        <source>Class activation map (CAM)</source>
        <translation>클래스 활성화 맵(CAM)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="83"/>
        <source>A heat map of the image regions that raised the score of a class the most (Grad-CAM: gradients of the class score weighting the last convolutional feature maps).</source>
        <translation>어떤 클래스의 점수를 가장 많이 올린 이미지 영역을 보여 주는 히트맵 (Grad-CAM: 클래스 점수의 기울기로 마지막 합성곱 특성 맵에 가중치를 줌).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="85"/>
        <source>Centre crop</source>
        <translation>가운데 자르기</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="86"/>
        <source>The model sees a square from the middle of each frame; the guide shows it. Keep what you want classified inside it.</source>
        <translation>모델은 각 프레임의 가운데 정사각형을 봅니다. 안내선이 그 영역입니다. 분류할 대상을 그 안에 두세요.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="88"/>
        <source>Frames per second and latency</source>
        <translation>초당 프레임과 지연</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="89"/>
        <source>Capture: frames the source delivers; shown: frames drawn; inference: frames the model classifies (it skips frames it cannot keep up with). Latency: from capture to the prediction.</source>
        <translation>캡처: 소스가 보내는 프레임, 표시: 화면에 그린 프레임, 추론: 모델이 분류한 프레임 (따라가지 못하는 프레임은 건너뜀). 지연: 캡처부터 예측까지 걸린 시간.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="91"/>
        <source>Recording samples</source>
        <translation>샘플 녹화</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="92"/>
        <source>Each class gets a subfolder of images in the data set folder; hold the button (or R) to save frames at the chosen rate. Vary position, distance and light: more varied samples generalise better.</source>
        <translation>클래스마다 데이터셋 폴더 안에 이미지 하위 폴더가 생깁니다. 버튼(또는 R)을 누르고 있으면 고른 빈도로 프레임을 저장합니다. 위치, 거리, 조명을 바꿔 가며 찍으세요: 다양한 샘플일수록 일반화가 잘 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="94"/>
        <source>Convolution</source>
        <translation>합성곱 (컨볼루션)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="95"/>
        <source>A small window of weights (the kernel) slides over the input and, at every position, multiplies what it covers and adds it up: one number per position. Each output channel has its own kernel across all input channels, so the same pattern is found wherever it appears.</source>
        <translation>작은 가중치 창(커널)이 입력 위를 미끄러지며, 위치마다 덮은 값과 곱해 모두 더합니다: 위치마다 숫자 하나가 나옵니다. 출력 채널마다 모든 입력 채널에 걸친 자기 커널이 있어서, 같은 패턴을 이미지 어디에 있든 찾아냅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="98"/>
        <source>Kernel (filter)</source>
        <translation>커널 (필터)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="99"/>
        <source>The weights of one output channel of a convolution: F×F×C_in numbers plus a bias. Its size F (3×3, 5×5, 11×11 in AlexNet) is how far it looks at once. The Filters tab shows the first layer&apos;s kernels as pictures.</source>
        <translation>합성곱의 출력 채널 하나가 가진 가중치: F×F×C_in개의 숫자와 편향 하나. 크기 F(3×3, 5×5, AlexNet의 11×11)는 한 번에 보는 범위입니다. 필터 탭은 첫 층의 커널을 그림으로 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="101"/>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="102"/>
        <source>How many pixels the kernel moves between positions. Stride 2 halves the height and width of the output: (H + 2P − F) / S + 1.</source>
        <translation>커널이 한 번에 움직이는 픽셀 수. 스트라이드 2는 출력의 높이와 너비를 절반으로 줄입니다: (H + 2P − F) / S + 1.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="104"/>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="105"/>
        <source>Zeros added around the input before the convolution, so the kernel can be centred on border pixels. P = (F − 1) / 2 with stride 1 keeps the size (&quot;same&quot;); no padding shrinks it (&quot;valid&quot;).</source>
        <translation>합성곱 전에 입력 둘레에 덧붙이는 0. 커널의 중심을 가장자리 픽셀에도 놓을 수 있게 합니다. 스트라이드 1에서 P = (F − 1) / 2이면 크기가 그대로(&quot;same&quot;), 패딩이 없으면 줄어듭니다(&quot;valid&quot;).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="107"/>
        <source>Pooling (max / average)</source>
        <translation>풀링 (최대 / 평균)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="108"/>
        <source>Summarises each small window of a feature map by one number: its largest value (max pooling) or its mean (average pooling). It shrinks the map without weights; global average pooling turns each channel into one number before the classifier.</source>
        <translation>특성 맵의 작은 창마다 숫자 하나로 요약합니다: 가장 큰 값(최대 풀링) 또는 평균(평균 풀링). 가중치 없이 맵을 줄이며, 전역 평균 풀링은 분류기 앞에서 채널마다 숫자 하나로 만듭니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="111"/>
        <source>Receptive field</source>
        <translation>수용 영역 (receptive field)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="112"/>
        <source>The part of the input image one output value depends on. It grows with every kernel and stride: after VGG16&apos;s last pooling layer one value sees 212×212 pixels, although each kernel is only 3×3.</source>
        <translation>출력 값 하나가 영향을 받는 입력 이미지의 영역. 커널과 스트라이드를 거칠 때마다 커집니다: 커널은 모두 3×3이지만 VGG16의 마지막 풀링 층에서는 값 하나가 212×212 픽셀을 봅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="114"/>
        <source>Batch normalisation</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="115"/>
        <source>Normalises each channel to mean 0 and standard deviation 1 over the batch, then scales and shifts it with two learnt numbers. Training is faster and steadier; at inference it uses the averages measured during training.</source>
        <translation>배치 안에서 채널마다 평균 0, 표준편차 1로 맞춘 뒤, 학습되는 두 숫자로 크기를 조정하고 이동합니다. 학습이 빠르고 안정되며, 추론 때는 학습 중에 잰 평균을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="118"/>
        <source>ReLU</source>
        <translation>ReLU (렐루)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="119"/>
        <source>The activation max(0, x): negative values become 0, positive ones pass unchanged. Cheap, and its gradient does not vanish for positive inputs, which made deep networks trainable (AlexNet).</source>
        <translation>활성화 함수 max(0, x): 음수는 0이 되고 양수는 그대로 통과합니다. 계산이 싸고 양수 입력에서 기울기가 사라지지 않아 깊은 신경망을 학습할 수 있게 했습니다(AlexNet).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="121"/>
        <source>Activation function</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="122"/>
        <source>The non-linear function after a layer (ReLU, sigmoid, tanh). Without it, stacked layers would collapse into one linear map.</source>
        <translation>층 다음에 오는 비선형 함수(ReLU, 시그모이드, tanh). 없으면 여러 층을 쌓아도 선형 변환 하나와 같아집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="124"/>
        <source>Fully connected (dense) layer</source>
        <translation>완전 연결층 (Dense)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="125"/>
        <source>Every output is a weighted sum of every input: C_in × C_out weights plus C_out biases. Classifiers end with one; VGG16&apos;s first one alone holds 103 million parameters.</source>
        <translation>모든 출력이 모든 입력의 가중합입니다: 가중치 C_in × C_out개와 편향 C_out개. 분류기는 이 층으로 끝나며, VGG16의 첫 완전 연결층 하나에만 파라미터가 1억 300만 개 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="127"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="128"/>
        <source>The numbers a network learns: the kernels&apos; weights and biases, batch normalisation&apos;s scale and shift. A convolution has F×F×C_in×C_out/groups + C_out of them.</source>
        <translation>신경망이 학습하는 숫자들: 커널의 가중치와 편향, 배치 정규화의 크기와 이동 값. 합성곱 층 하나에는 F×F×C_in×C_out/groups + C_out개가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="130"/>
        <source>FLOPs</source>
        <translation>FLOPs (연산량)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="131"/>
        <source>Floating-point operations for one image: a multiplication and an addition per weight per output position, counted as two. They say how much work a model is, not how fast it runs on a given computer.</source>
        <translation>이미지 한 장에 드는 부동소수점 연산 수: 출력 위치마다 가중치마다 곱셈 하나와 덧셈 하나를 두 번으로 셉니다. 모델이 얼마나 많은 일을 하는지를 말할 뿐, 어떤 컴퓨터에서 얼마나 빠른지는 말하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="133"/>
        <source>1×1 convolution (bottleneck)</source>
        <translation>1×1 합성곱 (병목, bottleneck)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="134"/>
        <source>A kernel of size 1 mixes channels at each pixel without looking at neighbours. Used before a 3×3 or 5×5 convolution to reduce the channels it reads, it cuts the multiplications several times over (GoogLeNet&apos;s Inception, ResNet-50&apos;s bottleneck blocks).</source>
        <translation>크기 1의 커널은 이웃을 보지 않고 픽셀마다 채널을 섞습니다. 3×3이나 5×5 합성곱 앞에서 읽을 채널 수를 줄이면 곱셈이 몇 배나 줄어듭니다(GoogLeNet의 인셉션, ResNet-50의 병목 블록).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="137"/>
        <source>Depthwise separable convolution</source>
        <translation>깊이별 분리 합성곱 (depthwise separable)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="138"/>
        <source>A depthwise convolution (one F×F kernel per channel, groups = channels) followed by a 1×1 convolution that mixes the channels. It does the work of a full convolution with about F×F times fewer multiplications (MobileNet).</source>
        <translation>채널마다 F×F 커널 하나를 쓰는 깊이별 합성곱(groups = 채널 수) 뒤에 채널을 섞는 1×1 합성곱을 둡니다. 보통 합성곱의 일을 곱셈 약 F×F분의 1로 해냅니다(MobileNet).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="141"/>
        <source>Softmax</source>
        <translation>소프트맥스</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="142"/>
        <source>Turns the last layer&apos;s scores into probabilities that add up to 1: exp(score) / sum of exp(all scores). The bars in the Images tab are its output.</source>
        <translation>마지막 층의 점수를 합이 1인 확률로 바꿉니다: exp(점수) / 모든 점수의 exp 합. 이미지 탭의 막대가 그 출력입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="144"/>
        <source>Top-1 / top-5</source>
        <translation>Top-1 / Top-5 정확도</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="145"/>
        <source>Top-1: the most probable class is the right one. Top-5: the right class is among the five most probable (ImageNet&apos;s usual measure).</source>
        <translation>Top-1: 확률이 가장 높은 클래스가 정답. Top-5: 정답이 확률 상위 다섯 안에 있음(ImageNet에서 흔히 쓰는 척도).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="147"/>
        <source>Shortcut (identity / projection)</source>
        <translation>숏컷 (항등 / 투영)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="148"/>
        <source>A residual block adds its input to its output: F(x) + x. The identity shortcut passes x unchanged; when the size or channels change, a 1×1 convolution with stride (projection) makes x fit. The gradient flows through the +x unchanged, so very deep networks still train.</source>
        <translation>잔차 블록은 입력을 출력에 더합니다: F(x) + x. 항등 숏컷은 x를 그대로 넘기고, 크기나 채널이 바뀌면 스트라이드가 있는 1×1 합성곱(투영)이 x를 맞춥니다. 기울기가 +x를 거쳐 그대로 흐르므로 아주 깊은 신경망도 학습됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="151"/>
        <source>Residual block</source>
        <translation>잔차 블록</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="152"/>
        <source>Two or three convolutions F(x) with a shortcut around them, so the block learns only what to add to its input (ResNet). Pre-activation blocks put batch normalisation and ReLU before each convolution.</source>
        <translation>합성곱 두세 개 F(x)를 숏컷이 감싸서, 블록은 입력에 더할 것만 배웁니다(ResNet). 사전 활성화(pre-activation) 블록은 합성곱마다 앞에 배치 정규화와 ReLU를 둡니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="154"/>
        <source>Inception module</source>
        <translation>인셉션 모듈</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="155"/>
        <source>Parallel branches on the same input (1×1, 3×3 and 5×5 convolutions and a pooling), their outputs concatenated along the channels; 1×1 bottlenecks in front keep the cost down (GoogLeNet).</source>
        <translation>같은 입력에 나란히 놓인 갈래들(1×1, 3×3, 5×5 합성곱과 풀링)의 출력을 채널 방향으로 이어 붙입니다. 앞에 둔 1×1 병목이 비용을 낮춥니다(GoogLeNet).</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="157"/>
        <source>Squeeze-and-excitation</source>
        <translation>스퀴즈-익사이테이션 (SE)</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="158"/>
        <source>Each channel&apos;s map is averaged to one number (squeeze), two small dense layers turn those into a weight per channel between 0 and 1 (excitation), and the maps are multiplied by them: the block learns which channels matter for this image.</source>
        <translation>채널마다 맵을 평균해 숫자 하나로 줄이고(squeeze), 작은 완전 연결층 두 개가 이를 채널마다 0과 1 사이의 가중치로 바꾼 뒤(excitation), 맵에 곱합니다: 블록이 이 이미지에 어떤 채널이 중요한지 배웁니다.</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../gui/glossary.py" line="187"/>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
</context>
<context>
    <name>HealthDialog</name>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="25"/>
        <source>Data check: {folder}</source>
        <translation>데이터 점검: {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="37"/>
        <source>{n} classes, {files} files: {counts}</source>
        <translation>클래스 {n}개, 파일 {files}개: {counts}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="41"/>
        <source>No problems found.</source>
        <translation>문제를 찾지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="47"/>
        <source>… and {n} more</source>
        <translation>… 그리고 {n}개 더</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="59"/>
        <source>Unreadable files: {n}</source>
        <translation>읽을 수 없는 파일: {n}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="60"/>
        <source>Remove or replace them; training skips them.</source>
        <translation>지우거나 바꾸세요. 학습에서는 건너뜁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="62"/>
        <source>Tiny images (under {side} pixels on a side): {n}</source>
        <translation>아주 작은 이미지 (한 변이 {side}픽셀 미만): {n}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="63"/>
        <source>They are scaled up to the model&apos;s input size and carry little detail; use larger photos.</source>
        <translation>모델의 입력 크기로 확대되므로 세부 정보가 거의 없습니다. 더 큰 사진을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="66"/>
        <source>Identical files — groups: {groups}, extra copies: {extra}</source>
        <translation>똑같은 파일 — 묶음: {groups}개, 여분의 사본: {extra}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="68"/>
        <source>Delete the copies: a copy that lands in validation makes its accuracy look better than it is.</source>
        <translation>사본을 지우세요: 검증 세트에 들어간 사본은 검증 정확도를 실제보다 좋아 보이게 합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="71"/>
        <source>Near-identical image pairs: {n}</source>
        <translation>거의 같은 이미지 쌍: {n}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="72"/>
        <source>Keep one of each pair (or lower the recording rate): near-identical frames add little and leak between training and validation.</source>
        <translation>쌍마다 하나만 남기세요 (또는 녹화 빈도를 낮추세요): 거의 같은 프레임은 보탬이 적고 훈련과 검증 사이로 새어 나갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="75"/>
        <source>Pictures filed under more than one class: {n}</source>
        <translation>둘 이상의 클래스에 들어 있는 사진: {n}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="76"/>
        <source>Move each to the one class it belongs to.</source>
        <translation>각각 맞는 클래스 하나로 옮기세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="78"/>
        <source>Pictures in both the training and the validation folder: {n}</source>
        <translation>훈련 폴더와 검증 폴더 모두에 있는 사진: {n}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="79"/>
        <source>Remove them from one of the folders: validation must not contain training images.</source>
        <translation>둘 중 한 폴더에서 지우세요: 검증 세트에 훈련 이미지가 있으면 안 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="81"/>
        <source>Class imbalance: {large} has {large_n} images, {small} only {small_n} ({ratio:.1f}×)</source>
        <translation>클래스 불균형: {large} {large_n}개, {small} {small_n}개뿐 ({ratio:.1f}배)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="84"/>
        <source>Record or add more images of the smaller class (or fewer of the larger one).</source>
        <translation>작은 클래스의 이미지를 더 녹화하거나 추가하세요 (또는 큰 클래스를 줄이세요).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="85"/>
        <source>Few images: fewer than {n} in {classes}</source>
        <translation>이미지 부족: {classes}에 {n}개 미만</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/health.py" line="86"/>
        <source>Add images: aim for at least that many per class.</source>
        <translation>이미지를 추가하세요: 클래스마다 적어도 그만큼은 있어야 합니다.</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../gui/image_view.py" line="34"/>
        <source>Try a sample</source>
        <translation>예제 사진 열기</translation>
    </message>
    <message>
        <location filename="../../gui/image_view.py" line="36"/>
        <source>Open the sample photos that come with ConvLens</source>
        <translation>ConvLens에 들어 있는 예제 사진을 엽니다</translation>
    </message>
    <message>
        <location filename="../../gui/image_view.py" line="41"/>
        <source>Drop images or a folder here
Ctrl+O to open, Ctrl+V to paste</source>
        <translation>이미지나 폴더를 여기에 끌어다 놓으세요
Ctrl+O 열기, Ctrl+V 붙여넣기</translation>
    </message>
</context>
<context>
    <name>ImagesController</name>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="108"/>
        <source>The sample photos are missing from {folder}: this installation is incomplete.</source>
        <extracomment>Thumbnails decoded for one gallery or folder (memory stays flat for a folder of 10,000).</extracomment>
        <translation>예제 사진이 {folder}에 없습니다: 설치가 불완전합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="157"/>
        <source>Thumbnails</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="167"/>
        <source>Classifying {name}</source>
        <translation>{name} 분류 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="170"/>
        <source>Classifying {name}…</source>
        <translation>{name} 분류 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="185"/>
        <source>Classifying with {model}…</source>
        <translation>{model}(으)로 분류 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="205"/>
        <source>Load a model to classify this image.</source>
        <translation>이 이미지를 분류하려면 모델을 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="214"/>
        <source>{name}: unknown (best guess {label} {p:.1f}%, threshold {t:.1f}%)</source>
        <translation>{name}: 알 수 없음 (가장 가까운 답 {label} {p:.1f}%, 임계값 {t:.1f}%)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="218"/>
        <source>{name}: {label} ({p:.1f}%)</source>
        <translation>{name}: {label} ({p:.1f}%)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="246"/>
        <source>computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="249"/>
        <source>The class activation map</source>
        <translation>클래스 활성화 맵</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="261"/>
        <source>CAM faithfulness</source>
        <translation>CAM 충실도</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="276"/>
        <source>faithfulness: deletion {d:.2f}↓ insertion {i:.2f}↑ drop {a:.0f}%↓</source>
        <translation>충실도: 삭제 {d:.2f}↓ 삽입 {i:.2f}↑ 하락 {a:.0f}%↓</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="279"/>
        <source>How well the map agrees with the model. Deletion: the class probability as the most highlighted pixels are removed first, area under the curve (lower is better). Insertion: as they are put back first onto a blank image (higher is better). Average drop: how much the probability falls on the image multiplied by the map (lower is better). As torch-cam defines them.</source>
        <translation>맵이 모델과 얼마나 맞는지. 삭제: 가장 강조된 픽셀부터 지울 때 클래스 확률 곡선의 아래 넓이 (낮을수록 좋음). 삽입: 빈 이미지에 그 픽셀부터 되돌려 놓을 때 (높을수록 좋음). 평균 하락: 이미지에 맵을 곱했을 때 확률이 떨어지는 정도 (낮을수록 좋음). torch-cam의 정의와 같습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/controller.py" line="287"/>
        <source>no map</source>
        <translation>맵 없음</translation>
    </message>
</context>
<context>
    <name>InsideController</name>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="43"/>
        <source>Feature maps</source>
        <extracomment>What the feature maps are computed on: the current image, the live video (its job sends them), or nothing.</extracomment>
        <translation>특성 맵</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="44"/>
        <source>Filters (first convolution)</source>
        <translation>필터 (첫 번째 합성곱)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="97"/>
        <source>Working out the arithmetic of every layer…</source>
        <extracomment>where the channel&apos;s examples are looked for first: set by the window (the current image&apos;s folder)</extracomment>
        <translation>모든 레이어의 계산을 풀어 보는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="113"/>
        <source>Open an image: feature maps are shown for the current image.</source>
        <translation>이미지를 여세요. 특성 맵은 현재 이미지에 대해 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="121"/>
        <source>Feature maps of {layer}</source>
        <translation>{layer}의 특성 맵</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="143"/>
        <source>What {layer} channel {c} wants</source>
        <translation>{layer} 채널 {c}이(가) 원하는 것</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="150"/>
        <source>Choose a folder of images first.</source>
        <translation>먼저 이미지 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="155"/>
        <source>Examples of {layer} channel {c}</source>
        <translation>{layer} 채널 {c}의 예시</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="163"/>
        <source>What every channel of {layer} wants</source>
        <translation>{layer}의 모든 채널이 원하는 것</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="178"/>
        <source>Select a layer in the tree: its arithmetic is worked out here.</source>
        <translation>트리에서 레이어를 선택하세요. 그 레이어의 계산을 여기서 풀어 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="179"/>
        <source>Select a layer in the tree to see its feature maps.</source>
        <translation>트리에서 레이어를 선택하면 특성 맵이 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="180"/>
        <source>Computing the layer table…</source>
        <translation>레이어 표를 계산하는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="181"/>
        <source>The layer table</source>
        <translation>레이어 표</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="183"/>
        <source>The filters view</source>
        <translation>필터 보기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/controller.py" line="185"/>
        <source>The layer arithmetic</source>
        <translation>레이어 계산</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../gui/jobs.py" line="253"/>
        <source>{job} ran out of memory.</source>
        <translation>{job}: 메모리가 부족합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py" line="254"/>
        <source>{job} failed unexpectedly ({error}).</source>
        <translation>{job}: 예기치 않게 실패했습니다 ({error}).</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py" line="256"/>
        <source> Details were written to {log}.</source>
        <translation> 자세한 내용은 {log}에 기록했습니다.</translation>
    </message>
</context>
<context>
    <name>LabelReviewDialog</name>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="48"/>
        <source>Wrong labels — {folder}</source>
        <translation>잘못된 레이블 — {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="58"/>
        <source>&lt;b&gt;{n} suspect labels&lt;/b&gt; among {images} images, most suspect first. A head on the model&apos;s features, cross-validated in {folds} folds, answers {acc:.1f}% of the images as filed; a suspect is an image it confidently puts in another class (confident learning).</source>
        <translation>이미지 {images}장 중 &lt;b&gt;의심되는 레이블 {n}개&lt;/b&gt;, 가장 의심스러운 것부터. 모델의 특성 위에 얹은 헤드를 {folds}겹 교차 검증하면 이미지의 {acc:.1f}%를 폴더대로 답합니다. 의심 이미지는 헤드가 확신을 갖고 다른 클래스로 보는 이미지입니다(confident learning).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="80"/>
        <source>Move the file into the folder of the likely class (undo puts it back)</source>
        <translation>파일을 가능성이 높은 클래스의 폴더로 옮깁니다 (되돌리기로 원래 자리로)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="82"/>
        <source>Not a mistake</source>
        <translation>잘못이 아님</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="84"/>
        <source>Leave the file where it is and take it off the list</source>
        <translation>파일은 그대로 두고 목록에서 뺍니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="86"/>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="89"/>
        <source>Open in Images</source>
        <translation>이미지 탭에서 열기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="108"/>
        <source>{a} ({class_a}) and {b} ({class_b}): the same picture, or a near copy</source>
        <translation>{a} ({class_a})와 {b} ({class_b}): 같은 그림이거나 거의 같은 사본</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="118"/>
        <source>Filed under two classes ({n}): a label conflict no classifier can settle; double-click to open</source>
        <translation>두 클래스에 들어 있는 그림 ({n}): 어떤 분류기도 가릴 수 없는 레이블 충돌입니다. 두 번 클릭하면 열립니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="166"/>
        <source>No suspects left.</source>
        <translation>남은 의심 이미지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="167"/>
        <source>No suspect labels: every image the head is sure of agrees with its folder.</source>
        <translation>의심되는 레이블이 없습니다: 헤드가 확신하는 이미지는 모두 폴더와 일치합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="171"/>
        <source>Move</source>
        <translation>옮기기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="180"/>
        <source>&lt;b&gt;{file}&lt;/b&gt; is filed under {given}; the head says {likely}.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;은(는) {given}에 있지만 헤드는 {likely}(이)라고 답합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="182"/>
        <source>Where it finds {name} (the folder&apos;s class, p = {p:.3f})</source>
        <translation>{name}을(를) 찾는 곳 (폴더의 클래스, p = {p:.3f})</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="184"/>
        <source>Where it finds {name} (the likely class, p = {p:.3f})</source>
        <translation>{name}을(를) 찾는 곳 (가능성이 높은 클래스, p = {p:.3f})</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="187"/>
        <source>computing the CAM…</source>
        <translation>CAM 계산 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/label_review.py" line="188"/>
        <source>Move to {name}</source>
        <translation>{name}(으)로 옮기기</translation>
    </message>
</context>
<context>
    <name>LayerSimilarityDialog</name>
    <message>
        <location filename="../../gui/tabs/compare/layers_dialog.py" line="35"/>
        <source>Layers compared: {a} and {b}</source>
        <translation>레이어 비교: {a}와 {b}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/layers_dialog.py" line="39"/>
        <source>Linear CKA (Kornblith et al. 2019) between every layer of &lt;b&gt;{a}&lt;/b&gt; ({n_a} layers, rows) and every layer of &lt;b&gt;{b}&lt;/b&gt; ({n_b}, columns) on {n} images: 1 where two layers represent the images alike (up to a rotation and a scale), 0 where they have nothing in common.</source>
        <translation>이미지 {n}장에서 &lt;b&gt;{a}&lt;/b&gt;의 모든 레이어({n_a}개, 행)와 &lt;b&gt;{b}&lt;/b&gt;의 모든 레이어({n_b}개, 열) 사이의 선형 CKA(Kornblith 외 2019): 두 레이어가 이미지를 (회전과 배율을 빼면) 똑같이 표현하면 1, 공통점이 없으면 0.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/layers_dialog.py" line="54"/>
        <source>Layer of {a}</source>
        <translation>{a}의 레이어</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/layers_dialog.py" line="55"/>
        <source>Most alike in {b}</source>
        <translation>{b}에서 가장 비슷한 레이어</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/layers_dialog.py" line="59"/>
        <source>(constant)</source>
        <translation>(상수)</translation>
    </message>
</context>
<context>
    <name>LayerTree</name>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="35"/>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="40"/>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="40"/>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="40"/>
        <source>Output shape</source>
        <translation>출력 형태</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="41"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="41"/>
        <source>Trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="63"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — input {c}×{h}×{w} — &lt;b&gt;{total:,}&lt;/b&gt; parameters ({trainable:,} trainable, {frozen:,} frozen) — {flops} per image — {layers} layers</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — 입력 {c}×{h}×{w} — 파라미터 &lt;b&gt;{total:,}&lt;/b&gt;개 (학습 가능 {trainable:,}, 고정 {frozen:,}) — 이미지당 {flops} — 레이어 {layers}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="82"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/layer_tree.py" line="82"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="66"/>
        <source>Select a layer in the tree: its arithmetic is worked out here.</source>
        <translation>트리에서 레이어를 선택하세요. 그 레이어의 계산을 여기서 풀어 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="85"/>
        <source>{name} has no arithmetic of its own to show (it is an activation, a normalisation or a container of several layers). Select a convolution, a pooling or a fully connected layer, or a block such as an Inception module or a residual block.</source>
        <translation>{name}에는 따로 보여 줄 계산이 없습니다 (활성화 함수, 정규화, 또는 여러 레이어를 담은 컨테이너입니다). 합성곱, 풀링, 완전 연결(FC) 레이어나 인셉션 모듈, 잔차 블록 같은 블록을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="95"/>
        <source>convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="96"/>
        <source>pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="97"/>
        <source>adaptive (global) pooling</source>
        <translation>적응형(전역) 풀링</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="98"/>
        <source>fully connected layer</source>
        <translation>완전 연결(FC) 레이어</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="105"/>
        <source>Input → output</source>
        <translation>입력 → 출력</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="107"/>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="116"/>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="137"/>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="146"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="108"/>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="141"/>
        <source>Multiplications</source>
        <translation>곱셈 횟수</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="109"/>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="117"/>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="148"/>
        <source>Receptive field</source>
        <translation>수용 영역</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="109"/>
        <source>every output sees the whole image</source>
        <translation>모든 출력이 이미지 전체를 봅니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="111"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="113"/>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="133"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="114"/>
        <source>Window</source>
        <translation>윈도우</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="114"/>
        <source>about {k} values per output, set by the output size</source>
        <translation>출력 하나당 약 {k}개 값, 출력 크기로 정해짐</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="119"/>
        <source>Kernel F</source>
        <translation>커널(필터) 크기 F</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="120"/>
        <source>Padding P</source>
        <translation>패딩 P</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="121"/>
        <source>Stride S</source>
        <translation>스트라이드 S</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="123"/>
        <source>Dilation D</source>
        <translation>팽창(dilation) D</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="125"/>
        <source> (depthwise: one filter per channel)</source>
        <translation> (깊이별: 채널마다 필터 하나)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="126"/>
        <source>Groups</source>
        <translation>그룹</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="130"/>
        <source>Output size</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="130"/>
        <source>Output height</source>
        <translation>출력 높이</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="131"/>
        <source>Output width</source>
        <translation>출력 너비</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="142"/>
        <source>{outputs} outputs × {each} each = {total} ({flops} FLOPs)</source>
        <translation>출력 {outputs}개 × 각 {each} = {total} ({flops} FLOPs)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="146"/>
        <source>none: pooling only takes the maximum or the average of each window</source>
        <translation>없음: 풀링은 각 윈도우의 최댓값이나 평균만 취합니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="159"/>
        <source>(rounded up: ceil mode)</source>
        <translation>(올림: ceil 모드)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="159"/>
        <source>(rounded down)</source>
        <translation>(내림)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="163"/>
        <source>{rf} pixels of the input image; neighbouring outputs are {jump} pixels apart</source>
        <translation>입력 이미지의 {rf} 픽셀; 이웃한 출력은 {jump} 픽셀 간격</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="166"/>
        <source>and every value also depends on the whole image (through global pooling or a squeeze-and-excitation block)</source>
        <translation>그리고 모든 값이 이미지 전체에도 의존합니다 (전역 풀링이나 스퀴즈-익사이테이션 블록을 통해)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="195"/>
        <source>{name} — dense block</source>
        <translation>{name} — 덴스 블록</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="197"/>
        <source>{layers} dense layers, each adding k = {k} maps (the growth rate) to everything before it: {cin} + {layers} × {k} = {cout} channels at {size}. Every layer sees the maps of all earlier layers, concatenated, so features are reused rather than learned again and the gradient reaches each layer directly.</source>
        <translation>덴스 레이어 {layers}개가 각각 앞의 모든 것에 맵 k = {k}개(성장률)를 더합니다: {cin} + {layers} × {k} = {cout}채널, 크기 {size}. 각 레이어는 앞선 모든 레이어의 맵을 이어 붙여 보므로, 특성을 다시 배우지 않고 재사용하며 기울기도 각 레이어에 바로 닿습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="203"/>
        <source>{name} — dense layer</source>
        <translation>{name} — 덴스 레이어</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="205"/>
        <source>Its input is the concatenation of every earlier map in the block ({cin} channels). BN-ReLU-1×1 convolution to {b} channels (a bottleneck: the 3×3 after it reads {b}, not {cin}), BN-ReLU-3×3 convolution to k = {k}; the {k} new maps are concatenated to the input: {cout} channels out.</source>
        <translation>입력은 블록 안의 앞선 모든 맵을 이어 붙인 것입니다({cin}채널). BN-ReLU-1×1 합성곱으로 {b}채널(병목: 뒤의 3×3은 {cin}이 아니라 {b}채널을 읽음), BN-ReLU-3×3 합성곱으로 k = {k}채널; 새 맵 {k}개를 입력에 이어 붙여 {cout}채널이 나갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="213"/>
        <source>{name} — ConvNeXt block</source>
        <translation>{name} — ConvNeXt 블록</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="215"/>
        <source>a {k} depthwise convolution filters each of the {c} channels on its own (a large kernel, as a Transformer&apos;s attention window)</source>
        <translation>{k} 깊이별 합성곱이 {c}개 채널을 각각 따로 거릅니다 (트랜스포머의 어텐션 창처럼 큰 커널)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="217"/>
        <source>LayerNorm, then a 1×1 (Linear) widens to {e} channels with GELU</source>
        <translation>LayerNorm 다음 1×1(Linear)이 GELU와 함께 {e}채널로 넓힙니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="218"/>
        <source>a 1×1 narrows back to {c}: an inverted bottleneck, wide in the middle</source>
        <translation>1×1이 다시 {c}채널로 좁힙니다: 가운데가 넓은 역병목</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="220"/>
        <source>a learned scale per channel, and the input is added back</source>
        <translation>채널마다 학습한 배율을 곱하고 입력을 다시 더합니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="224"/>
        <source>{mults} multiplications at {size}; with an ordinary {k} convolution in place of the depthwise one {standard} ({times}× more).</source>
        <translation>{size}에서 곱셈 {mults}회; 깊이별 합성곱 대신 보통의 {k} 합성곱이면 {standard}회 ({times}배).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="232"/>
        <source>{name} — inverted residual block</source>
        <translation>{name} — 역잔차(inverted residual) 블록</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="235"/>
        <source>a 1×1 convolution widens {cin} channels to {cexp} (expansion factor {t})</source>
        <translation>1×1 합성곱이 {cin}개 채널을 {cexp}개로 넓힙니다 (확장 비율 {t})</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="237"/>
        <source>a {k} depthwise convolution (stride {s}) filters each of the {c} channels on its own</source>
        <translation>{k} 깊이별(depthwise) 합성곱(스트라이드 {s})이 {c}개 채널을 각각 따로 필터링합니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="240"/>
        <source>squeeze-and-excitation re-weights the channels</source>
        <translation>스퀴즈-익사이테이션이 채널에 다시 가중치를 줍니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="241"/>
        <source>a linear 1×1 convolution (no activation) narrows them to {cout}</source>
        <translation>선형 1×1 합성곱(활성화 함수 없음)이 {cout}개로 줄입니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="244"/>
        <source>The input is added back to the output (a residual connection: same shape, stride 1).</source>
        <translation>입력을 출력에 다시 더합니다 (잔차 연결: 형태가 같고 스트라이드 1).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="245"/>
        <source>No residual connection here: the shape changes.</source>
        <translation>여기에는 잔차 연결이 없습니다: 형태가 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="247"/>
        <source>{mults} multiplications; with an ordinary {k} convolution in place of the depthwise one it would be {standard} ({times}× more): a depthwise filter reads one channel, not all {c}.</source>
        <translation>곱셈 {mults}회. 깊이별 합성곱 대신 보통의 {k} 합성곱을 쓰면 {standard}회입니다 ({times}배): 깊이별 필터는 {c}개 채널 전부가 아니라 채널 하나만 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="256"/>
        <source>{k} convolution {cin} → {cout} directly: {outputs} outputs × {each} each = {total} multiplications ({weights} weights)</source>
        <translation>{k} 합성곱으로 {cin} → {cout} 바로: 출력 {outputs}개 × 각 {each} = 곱셈 {total}회 (가중치 {weights}개)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="260"/>
        <source>1×1 to {cred} channels first: {a} + then the {k} convolution: {b} = {total} multiplications ({weights} weights), {saving}× fewer</source>
        <translation>먼저 1×1로 {cred} 채널: {a} + 이어서 {k} 합성곱: {b} = 곱셈 {total}회 (가중치 {weights}개), {saving}배 적음</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="269"/>
        <source>{name} — Inception module</source>
        <translation>{name} — 인셉션 모듈</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="272"/>
        <source>Convolutions of several sizes and a pooling run side by side on the same input ({size} × {cin}); their outputs are concatenated along the channels: {branches} = {cout} channels.</source>
        <translation>크기가 다른 합성곱들과 풀링이 같은 입력({size} × {cin})에 나란히 적용되고, 출력은 채널 방향으로 이어 붙여집니다: {branches} = {cout} 채널.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="276"/>
        <source>1×1 bottleneck in {branch}</source>
        <translation>{branch}의 1×1 병목(bottleneck)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="280"/>
        <source>torchvision&apos;s GoogLeNet has a 3×3 convolution in the branch the paper draws as 5×5 (a known quirk its pretrained weights were trained with); the numbers above are for the model as it is.</source>
        <translation>torchvision의 GoogLeNet은 논문에서 5×5로 그린 가지에 3×3 합성곱을 씁니다 (사전 학습 가중치도 그대로 학습된, 알려진 차이). 위 숫자는 실제 모델 그대로의 값입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="283"/>
        <source>The study notes&apos; example (seed 004)</source>
        <translation>공부 노트의 예 (seed 004)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="284"/>
        <source>28×28×128 into 64 filters of 5×5, directly or through 32 1×1 filters first.</source>
        <translation>28×28×128 입력을 5×5 필터 64개로 바로 합성곱하거나, 먼저 1×1 필터 32개를 거쳐서.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="287"/>
        <source>How this is counted: each output value of a k×k convolution over C channels takes k×k×C multiplications, so a layer takes H×W×C_out×k×k×C_in. The notes call these counts &quot;parameters&quot; and give 4.8M for the 1×1 step (it is {reduce}) and leave the 5×5 after it ({wide}) out of the total; the weights themselves are far fewer ({direct} directly, {reduced} with the bottleneck).</source>
        <translation>세는 방법: C 채널에 대한 k×k 합성곱의 출력 값 하나는 k×k×C번 곱하므로, 레이어 전체는 H×W×C_out×k×k×C_in번입니다. 노트는 이 수를 &quot;파라미터 수&quot;라 부르고 1×1 단계를 4.8M이라 했지만 실제로는 {reduce}이며, 그 뒤의 5×5 합성곱({wide})을 합계에서 빠뜨렸습니다. 가중치 수 자체는 훨씬 적습니다 (바로 하면 {direct}개, 병목을 쓰면 {reduced}개).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="296"/>
        <source>identity block</source>
        <translation>항등 블록</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="296"/>
        <source>convolution block</source>
        <translation>합성곱 블록</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="297"/>
        <source>{name} — residual {kind}</source>
        <translation>{name} — 잔차 {kind}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="300"/>
        <source>out = F(x) + shortcut(x), where F is {branch}.</source>
        <translation>out = F(x) + shortcut(x), 여기서 F는 {branch}입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="303"/>
        <source>Identity block: input and output have the same shape ({shape}), so the shortcut adds x unchanged.</source>
        <translation>항등 블록(identity block): 입력과 출력의 형태가 같으므로({shape}) 지름길(shortcut)이 x를 그대로 더합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="307"/>
        <source>Convolution block: the shape changes ({a} → {b}), so the shortcut is a 1×1 convolution ({layer}) that projects x to the new shape.</source>
        <translation>합성곱 블록(convolution block): 형태가 바뀌므로({a} → {b}) 지름길은 x를 새 형태로 투영하는 1×1 합성곱({layer})입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="312"/>
        <source>Why it trains when deep: the derivative of F(x) + x is F&apos;(x) + 1. Even when F&apos;(x) is tiny, the +1 carries the gradient back to earlier layers unchanged, so it does not vanish through many blocks.</source>
        <translation>깊어도 학습되는 이유: F(x) + x의 미분은 F&apos;(x) + 1입니다. F&apos;(x)가 아주 작아도 +1이 기울기를 앞쪽 레이어로 그대로 전달하므로, 블록을 많이 지나도 기울기가 사라지지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="317"/>
        <source>Grouped convolution ({layer}): its channels are split into {g} groups of {w}; each filter reads only its own group, so it takes {mults} multiplications where an ordinary one would take {full} ({g}× fewer). ResNeXt calls the number of groups the cardinality.</source>
        <translation>그룹 합성곱({layer}): 채널을 {w}개씩 {g}개 그룹으로 나눕니다. 각 필터는 자기 그룹만 읽으므로 보통 합성곱의 {full}회 대신 곱셈 {mults}회가 듭니다({g}배 적음). ResNeXt는 그룹 수를 카디널리티라고 부릅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="324"/>
        <source>Pre-activation: batch normalisation and ReLU come before each convolution and nothing follows the addition, so the shortcut path is a clean identity from block to block.</source>
        <translation>사전 활성화(pre-activation): 배치 정규화와 ReLU가 각 합성곱 앞에 오고 덧셈 뒤에는 아무것도 없어서, 지름길이 블록에서 블록으로 깨끗한 항등 경로가 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="329"/>
        <source>{name} — squeeze-and-excitation</source>
        <translation>{name} — 스퀴즈-익사이테이션(SE)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/inside/learn_panel.py" line="331"/>
        <source>Squeeze: global average pooling turns each of the {c} channels into one number. Excitation: a small network ({c} → {s} → {c}, reduction ratio r = {r}, then a sigmoid) gives each channel a weight between 0 and 1, and the channels are multiplied by their weights. {params} parameters.</source>
        <translation>스퀴즈: 전역 평균 풀링이 {c}개 채널을 각각 숫자 하나로 줄입니다. 익사이테이션: 작은 신경망({c} → {s} → {c}, 축소 비율 r = {r}, 그리고 시그모이드)이 채널마다 0과 1 사이의 가중치를 내고, 각 채널에 그 가중치를 곱합니다. 파라미터 {params}개.</translation>
    </message>
</context>
<context>
    <name>LiveCanvas</name>
    <message>
        <location filename="../../gui/tabs/live/canvas.py" line="38"/>
        <source>Choose a source and press Start.
A camera number (0, 1, ...), a video file or a stream URL (rtsp://, http://).</source>
        <extracomment>A prediction about a frame this much older than the one shown is marked stale.</extracomment>
        <translation>소스를 고르고 시작을 누르세요.
카메라 번호(0, 1, ...), 동영상 파일 또는 스트림 URL(rtsp://, http://).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/canvas.py" line="141"/>
        <source>Unknown: none of the classes</source>
        <extracomment>The part of the model&apos;s input square it really sees (its preprocessing&apos;s crop / resize, e.g. 224/256).</extracomment>
        <translation>알 수 없음: 어느 클래스도 아님</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/canvas.py" line="164"/>
        <source>stale: from a frame {ms:.0f} ms earlier</source>
        <translation>지난 결과: {ms:.0f} ms 전 프레임</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="82"/>
        <source>Load a model first: live mode classifies every frame with it.</source>
        <translation>먼저 모델을 불러오세요. 라이브 모드는 그 모델로 매 프레임을 분류합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="85"/>
        <source>Enter a source: a camera number (0, 1, ...), a video file or a stream URL.</source>
        <translation>소스를 입력하세요: 카메라 번호(0, 1, ...), 동영상 파일 또는 스트림 URL.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="90"/>
        <source> · {runtime}, reduced precision</source>
        <translation> · {runtime}, 낮은 정밀도</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="95"/>
        <source>Live video</source>
        <translation>라이브 영상</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="118"/>
        <source>The class activation map</source>
        <translation>클래스 활성화 맵</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="132"/>
        <source>Live: {source}</source>
        <translation>라이브: {source}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="150"/>
        <source>Live stopped.</source>
        <translation>라이브가 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="173"/>
        <source>Looking for cameras</source>
        <translation>카메라 찾는 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="179"/>
        <source>Counting samples</source>
        <translation>샘플 세는 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="186"/>
        <source>Deleting samples</source>
        <translation>샘플 삭제 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="190"/>
        <source>Saving {file}</source>
        <translation>{file} 저장 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/controller.py" line="191"/>
        <source>Saved {file}</source>
        <translation>{file} 저장됨</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="83"/>
        <source>0, video.mp4 or rtsp://…</source>
        <translation>0, video.mp4 또는 rtsp://…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="85"/>
        <source>Video file…</source>
        <translation>동영상 파일…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="86"/>
        <location filename="../../gui/tabs/live/view.py" line="390"/>
        <source>Find cameras</source>
        <translation>카메라 찾기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="87"/>
        <location filename="../../gui/tabs/live/view.py" line="257"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="89"/>
        <location filename="../../gui/tabs/live/view.py" line="310"/>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="92"/>
        <source>Mirror</source>
        <translation>좌우 반전</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="93"/>
        <source>Crop guide</source>
        <translation>자르기 안내선</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="95"/>
        <source>Loop video files</source>
        <translation>동영상 파일 반복</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="97"/>
        <source>CAM</source>
        <translation>CAM</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="102"/>
        <source>Snapshot…</source>
        <translation>스냅샷…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="105"/>
        <source>Source:</source>
        <translation>소스:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="72"/>
        <location filename="../../gui/tabs/live/view.py" line="118"/>
        <source>No dataset folder</source>
        <translation>데이터셋 폴더 없음</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="120"/>
        <source>Dataset folder…</source>
        <translation>데이터셋 폴더…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="122"/>
        <source>class name, e.g. rock</source>
        <translation>클래스 이름, 예: rock</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="127"/>
        <source> frames/s</source>
        <translation> 프레임/초</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="128"/>
        <source>Hold to record (R)</source>
        <translation>누르고 있는 동안 녹화 (R)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="136"/>
        <source>Delete last</source>
        <translation>마지막 샘플 삭제</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="137"/>
        <source>Open dataset folder</source>
        <translation>데이터셋 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="138"/>
        <source>Record samples</source>
        <translation>샘플 녹화</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="141"/>
        <source>Class:</source>
        <translation>클래스:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="142"/>
        <source>Rate:</source>
        <translation>초당 저장:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="225"/>
        <source>Opening {source}…</source>
        <translation>{source} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="244"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="249"/>
        <source>{source}: waiting for frames…</source>
        <translation>{source}: 프레임을 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="257"/>
        <source>Reconnect</source>
        <translation>다시 연결</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="263"/>
        <source>stopped — {captured} frames, capture {cfps:.1f} fps, inference {ifps:.1f} fps, latency p50 {p50:.0f} ms / p95 {p95:.0f} ms</source>
        <translation>정지 — 프레임 {captured}개, 캡처 {cfps:.1f} fps, 추론 {ifps:.1f} fps, 지연 p50 {p50:.0f} ms / p95 {p95:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="310"/>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="349"/>
        <source>capture {capture:.1f} fps · shown {shown:.1f} fps · inference {infer} fps · latency {latency}</source>
        <translation>캡처 {capture:.1f} fps · 표시 {shown:.1f} fps · 추론 {infer} fps · 지연 {latency}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="371"/>
        <source>Choose a video file</source>
        <translation>동영상 파일 선택</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="372"/>
        <source>Videos (*.mp4 *.avi *.mov *.mkv *.webm *.m4v);;All files (*)</source>
        <translation>동영상 (*.mp4 *.avi *.mov *.mkv *.webm *.m4v);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="381"/>
        <source>No camera could be opened (tried indices 0-5). A video file or a stream URL works as well.</source>
        <translation>열 수 있는 카메라가 없습니다 (0-5번 시도). 동영상 파일이나 스트림 URL도 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/view.py" line="386"/>
        <source>Looking…</source>
        <translation>찾는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="58"/>
        <source>Save snapshot</source>
        <translation>스냅샷 저장</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="59"/>
        <source>Images (*.png *.jpg)</source>
        <translation>이미지 (*.png *.jpg)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="78"/>
        <source>Dataset folder (one subfolder per class)</source>
        <translation>데이터셋 폴더 (클래스마다 하위 폴더 하나)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="88"/>
        <source>recording {name}</source>
        <translation>{name} 녹화 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="116"/>
        <source>Delete samples</source>
        <translation>샘플 삭제</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="117"/>
        <source>Delete the {n} most recent samples of &quot;{name}&quot;? This cannot be undone.</source>
        <translation>&quot;{name}&quot;의 최근 샘플 {n}개를 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="123"/>
        <source>Choose a dataset folder first.</source>
        <translation>먼저 데이터셋 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="141"/>
        <source>Deleted {n} samples of {name}.</source>
        <translation>{name}의 샘플 {n}개를 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/live/recording_controls.py" line="133"/>
        <location filename="../../gui/tabs/live/recording_controls.py" line="143"/>
        <source>{name} has no recorded samples to delete.</source>
        <translation>{name}에는 삭제할 녹화 샘플이 없습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <source>Images</source>
        <extracomment>What to do with a trained model that was not saved.</extracomment>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <source>Folder results</source>
        <translation>폴더 결과</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113"/>
        <source>Inside the model</source>
        <translation>모델 내부</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>Live</source>
        <translation>라이브</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115"/>
        <source>Teach</source>
        <translation>전이 학습</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="116"/>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="140"/>
        <location filename="../../gui/window_engine.py" line="68"/>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="36"/>
        <source>&amp;File</source>
        <extracomment>What to do with a trained model that was not saved.</extracomment>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="46"/>
        <source>&amp;Open Images…</source>
        <translation>이미지 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="48"/>
        <source>Open &amp;Folder…</source>
        <translation>폴더 열기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="49"/>
        <source>&amp;Paste Image</source>
        <translation>이미지 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="50"/>
        <source>Open &amp;Weights File…</source>
        <translation>가중치 파일 열기(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="51"/>
        <source>&amp;Recent Files</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="53"/>
        <source>Open Pro&amp;ject…</source>
        <translation>프로젝트 열기(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="54"/>
        <source>&amp;Save Project</source>
        <translation>프로젝트 저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="56"/>
        <source>Save Project &amp;As…</source>
        <translation>다른 이름으로 프로젝트 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="58"/>
        <source>Recent Pro&amp;jects</source>
        <translation>최근 프로젝트(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="60"/>
        <source>&amp;Export Results as CSV…</source>
        <translation>결과를 CSV로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="62"/>
        <source>Export &amp;Model (ONNX / TorchScript)…</source>
        <translation>모델 내보내기(&amp;M) (ONNX / TorchScript)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="64"/>
        <source>E&amp;valuate on a Folder…</source>
        <translation>폴더에서 평가(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="67"/>
        <source>Largest Image to Open…</source>
        <translation>열 수 있는 최대 이미지 크기…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="69"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="71"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="72"/>
        <source>Previous Image</source>
        <translation>이전 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="73"/>
        <source>Next Image</source>
        <translation>다음 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="75"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="78"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="85"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="86"/>
        <source>&amp;Glossary</source>
        <translation>용어집(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="87"/>
        <source>&amp;About ConvLens</source>
        <translation>ConvLens 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="88"/>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>the system language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189"/>
        <source>ConvLens will speak {language} from the next start.</source>
        <translation>다음에 시작할 때부터 ConvLens가 {language}(으)로 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194"/>
        <source>&lt;h3&gt;ConvLens {version}&lt;/h3&gt;&lt;p&gt;See inside and teach convolutional networks.&lt;/p&gt;&lt;p&gt;PyTorch/torchvision engine, PySide6 interface. Everything runs on this computer; nothing is uploaded.&lt;/p&gt;&lt;p&gt;Log file: {log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ConvLens {version}&lt;/h3&gt;&lt;p&gt;합성곱 신경망(CNN)의 속을 들여다보고 가르치는 도구.&lt;/p&gt;&lt;p&gt;PyTorch/torchvision 엔진, PySide6 인터페이스. 모든 계산은 이 컴퓨터에서 하며 아무것도 업로드하지 않습니다.&lt;/p&gt;&lt;p&gt;로그 파일: {log}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>About ConvLens</source>
        <translation>ConvLens 정보</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="204"/>
        <source>Largest image to open</source>
        <translation>열 수 있는 최대 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="205"/>
        <source>Images larger than this are refused before decoding (megapixels):</source>
        <translation>이보다 큰 이미지는 디코딩 전에 거부합니다 (메가픽셀):</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="213"/>
        <source>Images up to {n} megapixels will be opened.</source>
        <translation>{n} 메가픽셀까지의 이미지를 엽니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="227"/>
        <source>Loading the model</source>
        <translation>모델 불러오는 중</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="249"/>
        <source>Unsaved trained model</source>
        <translation>저장하지 않은 학습 모델</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250"/>
        <source>The model you trained has not been saved. Save it first?</source>
        <translation>학습한 모델을 아직 저장하지 않았습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="255"/>
        <source>Don&apos;t Save</source>
        <translation>저장 안 함</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="267"/>
        <source>Preprocessing for {file}</source>
        <translation>{file}의 전처리</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <source>{file} does not say how its images are preprocessed. Which of these did it learn with?</source>
        <translation>{file}에는 이미지 전처리 방법이 적혀 있지 않습니다. 어느 방식으로 학습했나요?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="407"/>
        <location filename="../../gui/window_runtime.py" line="39"/>
        <source>Switching the runtime</source>
        <translation>런타임 바꾸는 중</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="287"/>
        <source>{title}: {source}, {n} classes</source>
        <translation>{title}: {source}, 클래스 {n}개</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="299"/>
        <source>Loaded {title} ({source})</source>
        <translation>{title} 불러옴 ({source})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="309"/>
        <source> The previous model stays in use: {model}.</source>
        <translation> 이전 모델을 계속 씁니다: {model}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="314"/>
        <source> The bundled {bundled} is in use instead.</source>
        <translation> 대신 내장된 {bundled}을(를) 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="322"/>
        <source> The previous model stays in use.</source>
        <translation> 이전 모델을 계속 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="323"/>
        <source>Cancelled.</source>
        <translation>취소됨.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="326"/>
        <source>Loading cancelled.</source>
        <translation>불러오기를 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="332"/>
        <source>No preprocessing chosen for {file}.</source>
        <translation>{file}의 전처리를 고르지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="47"/>
        <source>Load or train a model first.</source>
        <extracomment>What to do with a trained model that was not saved.</extracomment>
        <translation>먼저 모델을 불러오거나 학습하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="51"/>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="52"/>
        <source>TorchScript (*.pt)</source>
        <translation>TorchScript (*.pt)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="53"/>
        <source>OpenVINO int8, calibrated on your images (*.xml)</source>
        <translation>OpenVINO int8, 내 이미지로 보정 (*.xml)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="54"/>
        <source>ONNX int8, calibrated on your images (*.onnx)</source>
        <translation>ONNX int8, 내 이미지로 보정 (*.onnx)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="56"/>
        <source>Export the model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="73"/>
        <source>Exporting to {file} and checking parity…</source>
        <translation>{file}(으)로 내보내고 결과가 같은지 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="75"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="79"/>
        <source>Exported {file}: {parity}</source>
        <translation>{file} 내보냄: {parity}</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="83"/>
        <source> — the exported model does not behave like this one.</source>
        <translation> — 내보낸 모델이 이 모델과 다르게 동작합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="88"/>
        <source>Save the trained model</source>
        <translation>학습한 모델 저장</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="89"/>
        <source>ConvLens checkpoint (*.pth)</source>
        <translation>ConvLens 체크포인트 (*.pth)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="103"/>
        <source>Saving the model</source>
        <translation>모델 저장 중</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="111"/>
        <source>Saved {file}: open it as a weights file to use it again.</source>
        <translation>{file} 저장됨: 다시 쓰려면 가중치 파일로 여세요.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="126"/>
        <source>One project at a time: opening {file}.</source>
        <translation>프로젝트는 한 번에 하나씩: {file}을(를) 엽니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="131"/>
        <source>Not found: {files}</source>
        <translation>찾을 수 없음: {files}</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="136"/>
        <source>One model at a time: loading {file} ({n} weights files were given).</source>
        <translation>모델은 한 번에 하나씩: {file}을(를) 불러옵니다 (가중치 파일 {n}개가 주어짐).</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="150"/>
        <source>Open images</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="151"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>이미지 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="157"/>
        <source>Classify a folder</source>
        <translation>폴더 분류</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="170"/>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="173"/>
        <source>pasted image {n}</source>
        <translation>붙여넣은 이미지 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="189"/>
        <source>dropped image {n}</source>
        <translation>끌어다 놓은 이미지 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="369"/>
        <source>, fine-tuned, unsaved</source>
        <translation>, 미세 조정됨, 저장 안 됨</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="413"/>
        <source>{arch}&apos;s pretrained weights are not downloaded yet, so the bundled {bundled} is in use. Choose {arch} again to download them.</source>
        <translation>{arch}의 사전 학습 가중치를 아직 내려받지 않아 내장된 {bundled}을(를) 사용합니다. 내려받으려면 {arch}을(를) 다시 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/window_runtime.py" line="51"/>
        <source>Calibrate int8 on a folder of your images (a few hundred of the kind the model will see)</source>
        <translation>int8을 보정할 이미지 폴더 (모델이 보게 될 종류의 이미지 수백 장)</translation>
    </message>
    <message>
        <location filename="../../gui/window_runtime.py" line="76"/>
        <source>int8 was calibrated on {folder}, which is no longer there: Auto classifies with the model&apos;s own numbers. Choose Fast int8 again to calibrate on another folder.</source>
        <translation>int8 보정에 쓴 {folder} 폴더가 더 이상 없어서, 자동이 모델 본래의 값으로 분류합니다. 다른 폴더로 보정하려면 빠른 int8을 다시 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/window_runtime.py" line="85"/>
        <source>int8, calibrating on {folder}</source>
        <translation>int8, {folder}로 보정 중</translation>
    </message>
    <message>
        <location filename="../../gui/window_runtime.py" line="87"/>
        <source>int8</source>
        <translation>int8</translation>
    </message>
    <message>
        <location filename="../../gui/window_runtime.py" line="98"/>
        <source>reading the calibration images {done}/{total}</source>
        <translation>보정 이미지 읽는 중 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../gui/window_runtime.py" line="99"/>
        <source>quantizing (NNCF)…</source>
        <translation>양자화 중(NNCF)…</translation>
    </message>
    <message>
        <location filename="../../gui/window_runtime.py" line="100"/>
        <source>checking against f32 {done}/{total}</source>
        <translation>f32와 비교 중 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../gui/window_engine.py" line="53"/>
        <source>Loading PyTorch and the engine…</source>
        <translation>PyTorch와 엔진을 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/window_engine.py" line="62"/>
        <source>ConvLens could not load PyTorch and its engine: {error}. See {log}</source>
        <translation>ConvLens가 PyTorch와 엔진을 불러오지 못했습니다: {error}. {log} 를 보세요</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../gui/message_banner.py" line="33"/>
        <source>Dismiss</source>
        <extracomment>An error (something failed: red) or a note (something worth knowing: blue).</extracomment>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>MistakeDialog</name>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="30"/>
        <source>A wrong prediction</source>
        <translation>틀린 예측</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="37"/>
        <source>Open in Images</source>
        <translation>이미지 탭에서 열기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="38"/>
        <source>The image in the Images tab, with the CAM of its answer</source>
        <translation>이미지 탭에서 그 답의 CAM과 함께 보기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="60"/>
        <source>&lt;b&gt;{file}&lt;/b&gt;: a {true} taken for a {predicted}</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;: {true}을(를) {predicted}(으)로 봄</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="62"/>
        <source>Why “{c}”</source>
        <translation>왜 “{c}”인가</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="62"/>
        <source>Where is “{c}”</source>
        <translation>“{c}”는 어디에</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="63"/>
        <source>Grad-CAM of the class the model answered: what made it say so</source>
        <translation>모델이 답한 클래스의 Grad-CAM: 그렇게 답한 근거</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="64"/>
        <source>Grad-CAM of the true class: where the model found evidence for it</source>
        <translation>정답 클래스의 Grad-CAM: 모델이 그 근거를 찾은 곳</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="68"/>
        <source>computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/mistake_dialog.py" line="72"/>
        <source>A wrong prediction: {file}</source>
        <translation>틀린 예측: {file}</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <location filename="../../gui/architectures.py" line="19"/>
        <source>Classic</source>
        <extracomment>Where an entry keeps its architecture&apos;s name (family headers have none). The entry that asks for a timm architecture by name (its ARCH_ROLE); the names asked for are added under it.</extracomment>
        <translation>고전</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="20"/>
        <source>Inception</source>
        <translation>인셉션</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="21"/>
        <source>Residual</source>
        <translation>잔차</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="22"/>
        <source>Dense</source>
        <translation>덴스</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="23"/>
        <source>Mobile</source>
        <translation>모바일</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="24"/>
        <source>Modern</source>
        <translation>현대적</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="25"/>
        <source>timm (by name)</source>
        <translation>timm (이름으로)</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="51"/>
        <source>A timm architecture…</source>
        <translation>timm 아키텍처…</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="53"/>
        <source>Any of timm&apos;s architectures by name (e.g. resnet18d, convnext_nano), built by timm with its preprocessing; pretrained weights from the Hugging Face cache</source>
        <translation>timm의 아키텍처를 이름으로 고릅니다(예: resnet18d, convnext_nano). timm이 자기 전처리로 만들고, 사전 학습 가중치는 Hugging Face 캐시에서 가져옵니다</translation>
    </message>
    <message>
        <location filename="../../gui/architectures.py" line="67"/>
        <source>timm&apos;s {name}, built by timm with its pretrained configuration</source>
        <translation>timm의 {name}, timm이 사전 학습 설정대로 만듦</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="74"/>
        <source>Bundled MobileNetV2 (offline)</source>
        <translation>내장 MobileNetV2 (오프라인)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="75"/>
        <source>Pretrained (torchvision, ImageNet)</source>
        <translation>사전 학습 (torchvision, ImageNet)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="76"/>
        <source>Random (untrained)</source>
        <translation>무작위 (학습 안 됨)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="77"/>
        <source>From a file…</source>
        <translation>파일에서…</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="80"/>
        <source>Choose weights file…</source>
        <translation>가중치 파일 선택…</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="88"/>
        <location filename="../../gui/model_panel.py" line="388"/>
        <source>from the weights</source>
        <translation>가중치에서</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="90"/>
        <source>Labels file…</source>
        <translation>레이블 파일…</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="91"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="99"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="107"/>
        <location filename="../../gui/model_panel.py" line="320"/>
        <source>No model in use yet</source>
        <translation>아직 사용 중인 모델 없음</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="113"/>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="120"/>
        <source>Auto (PyTorch&apos;s numbers)</source>
        <translation>자동 (PyTorch와 같은 값)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="121"/>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="122"/>
        <source>ONNX Runtime</source>
        <translation>ONNX Runtime</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="123"/>
        <source>OpenVINO f32</source>
        <translation>OpenVINO f32</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="124"/>
        <source>Fast, reduced precision</source>
        <translation>빠름, 낮은 정밀도</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="125"/>
        <source>Fast int8 (calibrate on a folder…)</source>
        <translation>빠른 int8 (폴더로 보정…)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="127"/>
        <source>What classifies. Auto: the fastest runtime on this computer whose probabilities are PyTorch&apos;s own (within 1e-4); one image at a time stays in PyTorch, a folder or live video moves to a faster runtime when that repays converting the model. Fast, reduced precision: OpenVINO in bf16, quicker but not the model&apos;s exact numbers; every result says so, with its agreement with f32 on your images. Feature maps, CAM and training always use the PyTorch model.</source>
        <translation>무엇으로 분류할지. 자동: 확률이 PyTorch 그대로(1e-4 이내)인 런타임 중 이 컴퓨터에서 가장 빠른 것. 이미지를 한 장씩 볼 때는 PyTorch로, 폴더나 라이브 영상은 모델 변환 비용을 되찾을 수 있을 때 더 빠른 런타임으로 옮깁니다. 빠름, 낮은 정밀도: bf16 OpenVINO로, 더 빠르지만 모델의 정확한 값은 아닙니다. 모든 결과에 그렇게 표시되고, 사용자 이미지에서 f32와 얼마나 일치하는지도 함께 보여 줍니다. 특징 맵, CAM, 학습은 언제나 PyTorch 모델을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="137"/>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="141"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="149"/>
        <source>Class names</source>
        <translation>클래스 이름</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="153"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="155"/>
        <source>In use:</source>
        <translation>사용 중:</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="156"/>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="157"/>
        <source>Runtime:</source>
        <translation>런타임:</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="205"/>
        <source>classifying with {runtime}</source>
        <translation>{runtime}(으)로 분류 중</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="272"/>
        <source>A timm architecture</source>
        <translation>timm 아키텍처</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="273"/>
        <source>timm&apos;s name of the architecture (e.g. resnet18d, convnext_nano, efficientnet_b0.ra_in1k):</source>
        <translation>timm에서 쓰는 아키텍처 이름 (예: resnet18d, convnext_nano, efficientnet_b0.ra_in1k):</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="324"/>
        <source> (trained here, not saved)</source>
        <translation> (여기서 학습함, 저장 안 됨)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="333"/>
        <source>Loading {what}…</source>
        <translation>{what} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="345"/>
        <source>Downloading {file}…</source>
        <translation>{file} 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="356"/>
        <source>Not loaded: {what}</source>
        <translation>불러오지 못함: {what}</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="380"/>
        <source>timm&apos;s {name}, built by timm with its pretrained configuration (its input size and preprocessing).</source>
        <translation>timm의 {name}, timm이 사전 학습 설정(입력 크기와 전처리)대로 만듭니다.</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="386"/>
        <source>No file chosen</source>
        <translation>선택한 파일 없음</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="394"/>
        <source>Ships with ConvLens: ImageNet&apos;s 1000 classes, no download, works offline. Its numbers are close to, not the same as, torchvision&apos;s MobileNetV2 weights (see resources/models/NOTICE.md).</source>
        <translation>ConvLens에 들어 있습니다: ImageNet 1000개 클래스, 내려받기 없이 오프라인에서 동작합니다. 수치는 torchvision의 MobileNetV2 가중치와 가깝지만 같지는 않습니다 (resources/models/NOTICE.md 참고).</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="398"/>
        <source>timm&apos;s pretrained weights come from the Hugging Face cache; when they are not there they are downloaded once, and offline the app says so.</source>
        <translation>timm의 사전 학습 가중치는 Hugging Face 캐시에서 가져옵니다. 캐시에 없으면 한 번 내려받고, 오프라인이면 앱이 그렇다고 알려 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="402"/>
        <source>Looking for its weights once PyTorch has loaded…</source>
        <translation>PyTorch를 불러온 뒤 가중치를 찾습니다…</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="404"/>
        <source>{arch} has no pretrained weights. Use random weights, or a file (train LeNet-5 on MNIST-style digits).</source>
        <translation>{arch}에는 사전 학습 가중치가 없습니다. 무작위 가중치나 파일을 쓰세요 (LeNet-5는 MNIST 같은 숫자로 학습하세요).</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="412"/>
        <source>Not downloaded yet. Download it ({mb:.0f} MB) on demand, or copy {file} into {folder}. Random weights and weights files work offline.</source>
        <translation>아직 내려받지 않았습니다. 필요할 때 내려받거나({mb:.0f} MB) {file}을(를) {folder}에 복사하세요. 무작위 가중치와 가중치 파일은 오프라인에서도 됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="415"/>
        <source>Download ({mb:.0f} MB)</source>
        <translation>내려받기 ({mb:.0f} MB)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="416"/>
        <source>Download {file} from download.pytorch.org into {folder}</source>
        <translation>download.pytorch.org에서 {file}을(를) {folder}(으)로 내려받기</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="456"/>
        <source>Choose a weights file</source>
        <translation>가중치 파일 선택</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="457"/>
        <source>Weights (*.pth *.pt *.safetensors *.ckpt *.bin *.onnx *.h5);;All files (*)</source>
        <translation>가중치 (*.pth *.pt *.safetensors *.ckpt *.bin *.onnx *.h5);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="464"/>
        <source>Choose a labels file</source>
        <translation>레이블 파일 선택</translation>
    </message>
    <message>
        <location filename="../../gui/model_panel.py" line="466"/>
        <source>Class names (*.txt *.json);;All files (*)</source>
        <translation>클래스 이름 (*.txt *.json);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>ModelSlot</name>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="62"/>
        <source>Pretrained</source>
        <extracomment>What the models are compared on (the combo&apos;s data). At most this many images of a folder are compared in the window (each costs one CAM per model); the CLI has no cap. The notes&apos; story, ready to run without downloads: classic to residual to mobile (the bundled MobileNetV2 gives the one trained answer among them).</extracomment>
        <translation>사전 학습</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="63"/>
        <source>Bundled (MobileNetV2)</source>
        <translation>내장 (MobileNetV2)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="64"/>
        <source>The model in use</source>
        <translation>사용 중인 모델</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="65"/>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="66"/>
        <source>File…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/compare/view.py" line="92"/>
        <source>Choose a weights file</source>
        <translation>가중치 파일 선택</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <location filename="../../gui/tabs/images/prediction_panel.py" line="24"/>
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/prediction_panel.py" line="31"/>
        <source>top </source>
        <translation>상위 </translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/prediction_panel.py" line="32"/>
        <source>How many classes to show</source>
        <translation>보여 줄 클래스 수</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/prediction_panel.py" line="39"/>
        <source>Drop an image to classify it</source>
        <translation>이미지를 끌어다 놓으면 분류합니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/prediction_panel.py" line="85"/>
        <source>Unknown: none of the classes</source>
        <translation>알 수 없음: 어느 클래스도 아님</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/prediction_panel.py" line="87"/>
        <source>The top class ({label}, {p:.1f}%) is not above the threshold ({t:.1f}%) tuned on held-out data for the model&apos;s false-accept target, so the answer is &quot;unknown&quot;.</source>
        <translation>1위 클래스 ({label}, {p:.1f}%)가 모델의 오수락률 목표에 맞춰 따로 둔 데이터로 정한 임계값 ({t:.1f}%)보다 높지 않아 답은 &quot;알 수 없음&quot;입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/images/prediction_panel.py" line="94"/>
        <source>{model}: {ms:.0f} ms on the model</source>
        <translation>{model}: 모델 계산 {ms:.0f} ms</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <location filename="../../gui/probability_bars.py" line="92"/>
        <source>probability (%)</source>
        <translation>확률 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/probability_bars.py" line="129"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../../gui/probability_bars.py" line="130"/>
        <source>Copy as image</source>
        <translation>이미지로 복사</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../../gui/projects.py" line="102"/>
        <source>Load or train a model first: a project starts from a model.</source>
        <extracomment>How often a changed session is autosaved.</extracomment>
        <translation>먼저 모델을 불러오거나 학습하세요: 프로젝트는 모델에서 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="271"/>
        <source>Autosave</source>
        <translation>자동 저장</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="105"/>
        <source>Saving the project</source>
        <translation>프로젝트 저장 중</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="112"/>
        <source>Save the project</source>
        <translation>프로젝트 저장</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="113"/>
        <source>ConvLens project (*{suffix})</source>
        <translation>ConvLens 프로젝트 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="127"/>
        <source>Project saved: {file}</source>
        <translation>프로젝트를 저장했습니다: {file}</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="131"/>
        <source>Open a project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="132"/>
        <source>ConvLens project (*{suffix});;All files (*)</source>
        <translation>ConvLens 프로젝트 (*{suffix});;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="142"/>
        <source>Opening the project</source>
        <translation>프로젝트 여는 중</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="158"/>
        <source>Recovered the session of {time}. Save it as a project to keep it.</source>
        <translation>{time}의 세션을 복구했습니다. 계속 보관하려면 프로젝트로 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="172"/>
        <source> A training was running when ConvLens stopped; it did not finish. Its folder and settings are back in Teach: press Train to run it again.</source>
        <translation> ConvLens가 멈출 때 학습이 진행 중이었고 끝나지 않았습니다. 그 폴더와 설정은 전이 학습 탭에 돌아와 있습니다: 학습을 눌러 다시 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="217"/>
        <source>These images or folders of the project are gone (moved or deleted?): {paths}</source>
        <translation>프로젝트의 이 이미지나 폴더가 없습니다 (옮겨졌거나 삭제되었나요?): {paths}</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="276"/>
        <source>Autosave failed: {why}</source>
        <translation>자동 저장 실패: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="319"/>
        <source>Recover the last session?</source>
        <translation>지난 세션을 복구할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="320"/>
        <source>ConvLens did not close normally last time. Recover the session of {time}?</source>
        <translation>지난번에 ConvLens가 정상적으로 닫히지 않았습니다. {time}의 세션을 복구할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="324"/>
        <source>Recover the session of {time}</source>
        <translation>{time}의 세션 복구</translation>
    </message>
    <message>
        <location filename="../../gui/projects.py" line="325"/>
        <source>Start fresh</source>
        <translation>새로 시작</translation>
    </message>
</context>
<context>
    <name>ReliabilityView</name>
    <message>
        <location filename="../../gui/charts.py" line="217"/>
        <source>confidence (%)</source>
        <translation>확신도 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="218"/>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="223"/>
        <source>before</source>
        <translation>보정 전</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="225"/>
        <source>after temperature scaling</source>
        <translation>온도 스케일링 후</translation>
    </message>
</context>
<context>
    <name>TeachController</name>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="75"/>
        <source>Writing the training bundle</source>
        <extracomment>(architecture, weights: &quot;pretrained&quot; | &quot;random&quot; | a file) the training starts from; set by the window called just before a training is submitted (the window autosaves the session then)</extracomment>
        <translation>학습 번들 쓰는 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="79"/>
        <source>Training bundle written to {folder}. On the bigger machine: ./run.sh /path/to/the/images (README.txt says more); then Load the trained model.</source>
        <translation>학습 번들을 {folder}에 썼습니다. 더 큰 머신에서: ./run.sh /이미지/경로 (자세한 내용은 README.txt); 그 다음 학습된 모델 불러오기.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="82"/>
        <source>Training bundle written to {folder}</source>
        <translation>학습 번들을 {folder}에 썼습니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="87"/>
        <location filename="../../gui/tabs/teach/controller.py" line="279"/>
        <source>The class activation maps</source>
        <translation>클래스 활성화 맵</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="95"/>
        <source>Pick a folder of class subfolders, then Train.</source>
        <translation>클래스별 하위 폴더가 있는 폴더를 고르고 학습을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="109"/>
        <source>Load a model first: it is the starting point of the fine-tune.</source>
        <translation>먼저 모델을 불러오세요. 미세 조정(파인 튜닝)의 출발점입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="112"/>
        <location filename="../../gui/tabs/teach/controller.py" line="163"/>
        <location filename="../../gui/tabs/teach/controller.py" line="209"/>
        <location filename="../../gui/tabs/teach/controller.py" line="248"/>
        <source>Choose a training folder: one subfolder of images per class.</source>
        <translation>훈련 폴더를 고르세요: 클래스마다 이미지 하위 폴더 하나.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="116"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="140"/>
        <source>Training done: validation accuracy {acc:.1f}%</source>
        <translation>학습 완료: 검증 정확도 {acc:.1f}%</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="150"/>
        <source>Training cancelled; the previous model stays in use.</source>
        <translation>학습을 취소했습니다. 이전 모델을 계속 씁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="155"/>
        <source>No dataset recorded yet: choose a dataset folder in the Live tab.</source>
        <translation>아직 녹화한 데이터셋이 없습니다. 라이브 탭에서 데이터셋 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="166"/>
        <source>Checking {folder}</source>
        <translation>{folder} 점검 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="180"/>
        <location filename="../../gui/tabs/teach/controller.py" line="310"/>
        <source>Load a model first: the evaluation measures the current model.</source>
        <translation>먼저 모델을 불러오세요. 평가는 현재 모델을 측정합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="185"/>
        <source>Evaluating on {folder}</source>
        <translation>{folder}(으)로 평가 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="195"/>
        <source>Evaluation: top-1 accuracy {a:.1f}% on {n} images</source>
        <translation>평가: 이미지 {n}개에서 Top-1 정확도 {a:.1f}%</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="206"/>
        <source>Load a model first: the data map shows what the current model sees.</source>
        <translation>먼저 모델을 불러오세요: 데이터 지도는 현재 모델이 보는 것을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="213"/>
        <source>Data map of {folder}</source>
        <translation>{folder}의 데이터 지도</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="232"/>
        <location filename="../../gui/tabs/teach/controller.py" line="290"/>
        <source>Moving files</source>
        <translation>파일 옮기는 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="237"/>
        <location filename="../../gui/tabs/teach/controller.py" line="296"/>
        <source>Undoing the move</source>
        <translation>옮기기 취소 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="244"/>
        <source>Load a model first: wrong labels are found with the current model&apos;s features.</source>
        <translation>먼저 모델을 불러오세요: 잘못된 레이블은 현재 모델의 특성으로 찾습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="251"/>
        <source>Wrong labels in {folder}</source>
        <translation>{folder}의 잘못된 레이블</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="259"/>
        <source>Cross-validating the head: fold {i} of {k}</source>
        <translation>헤드 교차 검증 중: {k}겹 중 {i}번째</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="263"/>
        <source>{n} suspect labels in {folder}</source>
        <translation>{folder}에서 의심되는 레이블 {n}개</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="304"/>
        <source>Unknown threshold</source>
        <translation>&quot;알 수 없음&quot; 임계값</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="314"/>
        <source>Tuning the unknown threshold on {folder}</source>
        <translation>{folder}에서 &quot;알 수 없음&quot; 임계값 정하는 중</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/controller.py" line="326"/>
        <source>Thumbnails</source>
        <translation>미리 보기</translation>
    </message>
</context>
<context>
    <name>TeachView</name>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="58"/>
        <source>folder with one subfolder per class (or MNIST idx files)</source>
        <translation>클래스마다 하위 폴더가 있는 폴더 (또는 MNIST idx 파일)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="59"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="60"/>
        <source>Use recorded dataset</source>
        <translation>녹화한 데이터셋 사용</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="63"/>
        <source>optional: separate validation folder (else 20% of each class)</source>
        <translation>선택: 별도 검증 폴더 (없으면 클래스마다 20%)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="42"/>
        <source>Train from scratch (random init)</source>
        <translation>처음부터 학습 (무작위 초기화)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="43"/>
        <source>Train the backbone too (slower)</source>
        <translation>백본도 학습 (더 느림)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="47"/>
        <source>dropout + linear</source>
        <translation>드롭아웃 + 선형</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="48"/>
        <source>dense 1024 + dropout + linear</source>
        <translation>Dense 1024 + 드롭아웃 + 선형</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="49"/>
        <source>dense 256 + dropout + linear</source>
        <translation>Dense 256 + 드롭아웃 + 선형</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="67"/>
        <source>SGD + momentum</source>
        <translation>SGD + 모멘텀</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="74"/>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="50"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="77"/>
        <source>the weights&apos; own</source>
        <translation>가중치 기본값</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="90"/>
        <source>horizontal flip</source>
        <translation>좌우 뒤집기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="95"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="101"/>
        <source>New head:</source>
        <translation>새 헤드:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="102"/>
        <source>Dropout:</source>
        <translation>드롭아웃:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="103"/>
        <source>Epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="104"/>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="105"/>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="106"/>
        <source>Optimizer:</source>
        <translation>옵티마이저:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="107"/>
        <source>Early stopping patience:</source>
        <translation>조기 종료 인내(patience):</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="108"/>
        <source>Input size:</source>
        <translation>입력 크기:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="109"/>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="111"/>
        <source>Rotation ±</source>
        <translation>회전 ±</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="112"/>
        <source>Shift ±</source>
        <translation>이동 ±</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="113"/>
        <source>Shear ±</source>
        <translation>전단(shear) ±</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="114"/>
        <source>Zoom ±</source>
        <translation>확대/축소 ±</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="127"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="129"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="131"/>
        <source>Save checkpoint…</source>
        <translation>체크포인트 저장…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="134"/>
        <source>Pick a folder of class subfolders, then Train.</source>
        <translation>클래스별 하위 폴더가 있는 폴더를 고르고 학습을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="94"/>
        <source>Evaluate on a folder…</source>
        <translation>폴더에서 평가…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="95"/>
        <source>Accuracy, per-class report and confusion matrix of the current model on a folder of class subfolders named after its classes</source>
        <translation>클래스 이름을 딴 하위 폴더들로 현재 모델의 정확도, 클래스별 보고서, 혼동 행렬을 구합니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="64"/>
        <source>Check data</source>
        <translation>데이터 점검</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="66"/>
        <source>Before training: class counts, imbalance, duplicates (also between the training and validation folders), unreadable and tiny images</source>
        <translation>학습 전에: 클래스별 개수, 불균형, 중복(훈련 폴더와 검증 폴더 사이도), 읽을 수 없는 이미지와 아주 작은 이미지</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="70"/>
        <source>Data map</source>
        <translation>데이터 지도</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="72"/>
        <source>Every image of the folder as a dot: what the current model&apos;s last layer sees, in 2-D, coloured by class or by right / wrong; lasso a group to move it to another class folder (with undo)</source>
        <translation>폴더의 모든 이미지를 점 하나로: 현재 모델의 마지막 레이어이 보는 것을 2차원으로, 클래스나 맞음/틀림으로 색칠합니다. 무리를 둘러 선택해 다른 클래스 폴더로 옮길 수 있습니다 (취소 가능)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="76"/>
        <source>Find wrong labels</source>
        <translation>잘못된 레이블 찾기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="78"/>
        <source>Images probably filed under the wrong class, most suspect first, with where the model looks; move each to its likely class or keep it (with undo). A head on the current model&apos;s features is cross-validated in 5 folds (confident learning).</source>
        <translation>잘못된 클래스에 들어 있을 법한 이미지를 가장 의심스러운 것부터, 모델이 보는 곳과 함께 보여 줍니다. 각각 가능성이 높은 클래스로 옮기거나 그대로 둘 수 있습니다(되돌리기 가능). 현재 모델의 특성 위에 얹은 헤드를 5겹 교차 검증합니다(confident learning).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="94"/>
        <source>Bigger machine</source>
        <translation>더 큰 머신</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="97"/>
        <source>Run this training on a machine with more GPUs or several machines (torchrun), and bring the model back</source>
        <translation>이 학습을 GPU가 더 많은 머신이나 여러 머신(torchrun)에서 실행하고 모델을 가져옵니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="100"/>
        <source>Export a training bundle…</source>
        <translation>학습 번들 내보내기…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="101"/>
        <source>Load the trained model…</source>
        <translation>학습된 모델 불러오기…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="86"/>
        <source>Click an image to see it with its class activation map (a mistake: the maps of the predicted and the true class); double-click to open it in Images</source>
        <translation>이미지를 클릭하면 클래스 활성화 맵과 함께 보여 줍니다 (틀린 예측: 예측한 클래스와 정답 클래스의 맵); 두 번 클릭하면 이미지 탭에서 엽니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="98"/>
        <location filename="../../gui/tabs/teach/results_pane.py" line="321"/>
        <source>Click a cell of the confusion matrix to list its images.</source>
        <translation>혼동 행렬의 칸을 클릭하면 그 이미지들이 나열됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="103"/>
        <source>Confusion matrix (rows: true class, columns: predicted)</source>
        <translation>혼동 행렬 (행: 실제 클래스, 열: 예측)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="113"/>
        <source>All mistakes</source>
        <translation>모든 오답</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="115"/>
        <source>Every wrong prediction on the validation images (or the evaluated folder), most confident first</source>
        <translation>검증 이미지(또는 평가한 폴더)에서 틀린 예측 전부, 확신이 큰 순서</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="127"/>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="128"/>
        <source>Calibration</source>
        <translation>보정(calibration)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="130"/>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="152"/>
        <source>Freeze only up to layer</source>
        <translation>이 레이어까지만 고정</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="153"/>
        <source>Cut the backbone at layer</source>
        <translation>이 레이어에서 백본 자르기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="155"/>
        <source>Select a layer in the tree of the Inside the model tab</source>
        <translation>모델 내부 탭의 트리에서 레이어를 선택하세요</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="52"/>
        <source>At most this share of wrong or unknown inputs may still get an answer; below the threshold that meets it on held-out data the answer is &quot;unknown&quot;. Images of none of the classes (the empty background) in a {folder} folder beside the class folders are held out for this, never trained on.</source>
        <translation>틀린 입력이나 모르는 입력 중 답을 받아도 되는 최대 비율. 따로 둔 데이터에서 이를 만족하는 임계값 이하이면 답은 &quot;알 수 없음&quot;입니다. 클래스 폴더 옆 {folder} 폴더의 어느 클래스도 아닌 이미지(빈 배경)는 이 용도로만 쓰고 학습에는 쓰지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="58"/>
        <source>Tune on a folder…</source>
        <translation>폴더에서 정하기…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="60"/>
        <source>Measure the current model on a folder of class subfolders named after its classes, with images of no class in its {folder} subfolder, and choose the threshold from that</source>
        <translation>클래스 이름의 하위 폴더와 어느 클래스도 아닌 이미지의 {folder} 하위 폴더가 있는 폴더에서 현재 모델을 측정해 임계값을 정합니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="65"/>
        <source>False-accept target</source>
        <translation>오수락률 목표</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="75"/>
        <source>After training (or tuning on a folder): how often a wrong or unknown input would still get an answer, against how many right answers are kept, for every threshold.</source>
        <translation>학습 뒤(또는 폴더로 정한 뒤): 임계값마다 틀린 입력이나 모르는 입력이 답을 받는 비율과 맞는 답이 남는 비율.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="90"/>
        <source>Held-out images: class subfolders, and {folder} for images of no class</source>
        <translation>따로 둔 이미지: 클래스 하위 폴더, 그리고 어느 클래스도 아닌 이미지는 {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="106"/>
        <source>{g} right answers, {i} to refuse ({w} wrong answers, {o} images of no class)</source>
        <translation>맞는 답 {g}개, 거부할 것 {i}개 (틀린 답 {w}개, 어느 클래스도 아닌 이미지 {o}개)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="109"/>
        <source>Answers at or below {t:.1f}% confidence are &quot;unknown&quot;: {far:.1f}% of wrong or unknown inputs still answered (target {target:g}%), {tar:.0f}% of right answers kept. Held out: {counts}.</source>
        <translation>확신도 {t:.1f}% 이하의 답은 &quot;알 수 없음&quot;: 틀린 입력이나 모르는 입력의 {far:.1f}%가 여전히 답을 받고 (목표 {target:g}%), 맞는 답의 {tar:.0f}%가 남습니다. 따로 둔 데이터: {counts}.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="115"/>
        <source>No &quot;unknown&quot; threshold: {why}</source>
        <translation>&quot;알 수 없음&quot; 임계값 없음: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/unknown_pane.py" line="117"/>
        <source>No &quot;unknown&quot; threshold (target off): every answer is shown. Held out: {counts}.</source>
        <translation>&quot;알 수 없음&quot; 임계값 없음 (목표 꺼짐): 모든 답을 보여 줍니다. 따로 둔 데이터: {counts}.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="186"/>
        <source>dense {n} + dropout + linear</source>
        <translation>dense {n} + dropout + linear</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="169"/>
        <source>The training run saved in the project ({n} epochs, validation accuracy {acc:.1f}%).</source>
        <translation>프로젝트에 저장된 학습 기록 ({n} 에포크, 검증 정확도 {acc:.1f}%).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="205"/>
        <source>Augmentation is on: each epoch sees new variants of the images, so the frozen backbone&apos;s features cannot be computed once and cached. Expect several times longer epochs.</source>
        <translation>데이터 증강이 켜져 있습니다: 에포크마다 이미지의 새 변형을 보므로 고정된 백본의 특성을 한 번 계산해 캐시할 수 없습니다. 에포크가 몇 배 길어집니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/settings_form.py" line="209"/>
        <source>Frozen backbone, no augmentation: features are computed once, epochs are fast.</source>
        <translation>고정된 백본, 증강 없음: 특성을 한 번만 계산하므로 에포크가 빠릅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="173"/>
        <source>Training data (one subfolder per class)</source>
        <translation>훈련 데이터 (클래스마다 하위 폴더 하나)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="206"/>
        <source>computing backbone features once: %v/%m</source>
        <translation>백본 특성을 한 번 계산하는 중: %v/%m</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="209"/>
        <source>epoch {e}: %v/%m — loss {loss:.3f} — ETA {m}:{s:02d}</source>
        <translation>에포크 {e}: %v/%m — 손실 {loss:.3f} — 남은 시간 {m}:{s:02d}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="214"/>
        <source>epoch {e}: validation accuracy {acc:.1f}%, loss {loss:.3f}</source>
        <translation>에포크 {e}: 검증 정확도 {acc:.1f}%, 손실 {loss:.3f}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="152"/>
        <source>done in {s:.1f} s</source>
        <translation>{s:.1f}초에 완료</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="154"/>
        <source>Validation accuracy {acc:.1f}% — best epoch {best}{early}</source>
        <translation>검증 정확도 {acc:.1f}% — 최고 에포크 {best}{early}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="156"/>
        <source> (stopped early)</source>
        <translation> (조기 종료)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="159"/>
        <source>{n} unreadable files skipped: {files}</source>
        <translation>읽을 수 없는 파일 {n}개 건너뜀: {files}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="166"/>
        <source>Done. The trained model is now the current model ({n} classes: {names}).</source>
        <translation>완료. 학습한 모델이 이제 현재 모델입니다 (클래스 {n}개: {names}).</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="181"/>
        <source>Calibration (validation, {n} images, {errors} wrong): expected calibration error {before:.1f}%. {note}</source>
        <translation>보정 (검증 이미지 {n}장, 틀린 답 {errors}개): 기대 보정 오차 {before:.1f}%. {note}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="185"/>
        <source>Calibration (validation, {n} images, {errors} wrong): expected calibration error {before:.1f}% → {after:.1f}% (each half scored with the temperature fitted on the other) with temperature T = {t:.2f}, the probabilities shown from now on</source>
        <translation>보정 (검증 이미지 {n}장, 틀린 답 {errors}개): 기대 보정 오차 {before:.1f}% → {after:.1f}% (절반씩, 다른 절반으로 맞춘 온도로 채점), 온도 T = {t:.2f}. 지금부터 보이는 확률입니다</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="201"/>
        <source>Try: {settings}.</source>
        <translation>시도해 보기: {settings}.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="207"/>
        <source>a higher dropout (now {d:.2f}; 0.3-0.5)</source>
        <translation>더 높은 드롭아웃 (지금 {d:.2f}; 0.3-0.5)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="208"/>
        <source>turn on augmentation (rotation, shift, zoom, flip)</source>
        <translation>데이터 증강 켜기 (회전, 이동, 확대/축소, 뒤집기)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="209"/>
        <source>more images per class (record more, or add photos)</source>
        <translation>클래스당 이미지 늘리기 (더 녹화하거나 사진 추가)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="210"/>
        <source>more epochs</source>
        <translation>에포크 늘리기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="211"/>
        <source>another learning rate (now {lr:g}): larger if the loss falls slowly, smaller if it jumps</source>
        <translation>학습률 바꾸기 (지금 {lr:g}): 손실이 천천히 줄면 크게, 들쭉날쭉하면 작게</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="213"/>
        <source>train the backbone too</source>
        <translation>백본도 학습</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="214"/>
        <source>a dense head (dense 256 or 1024)</source>
        <translation>Dense 헤드 (dense 256 또는 1024)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="215"/>
        <source>more images of {small}, or fewer of {large}</source>
        <translation>{small} 이미지를 늘리거나 {large} 이미지를 줄이기</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="222"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="222"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="226"/>
        <source>1 image of {t} predicted as {p}:</source>
        <translation>{t} 이미지 1개가 {p}(으)로 예측됨:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="227"/>
        <source>{n} images of {t} predicted as {p}:</source>
        <translation>{t} 이미지 {n}개가 {p}(으)로 예측됨:</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="254"/>
        <source>All {n} wrong predictions, most confident first (click one to see it with its CAM):</source>
        <translation>틀린 예측 {n}개 전부, 확신이 큰 순서 (클릭하면 CAM과 함께 봅니다):</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="258"/>
        <source>{true} → {predicted} {p:.0f}%</source>
        <translation>{true} → {predicted} {p:.0f}%</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="232"/>
        <source>Choose a training folder first: the bundle runs the training on it.</source>
        <translation>먼저 학습 폴더를 고르세요: 번들은 그 폴더로 학습합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="234"/>
        <source>Folder to put the training bundle in</source>
        <translation>학습 번들을 넣을 폴더</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="241"/>
        <source>The model trained on the bigger machine (model.pth)</source>
        <translation>더 큰 머신에서 학습한 모델 (model.pth)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/view.py" line="242"/>
        <source>ConvLens checkpoints (*.pth *.pt)</source>
        <translation>ConvLens 체크포인트 (*.pth *.pt)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="281"/>
        <source>Evaluate on a folder (one subfolder per class, named after the class)</source>
        <translation>폴더에서 평가 (클래스 이름을 딴 하위 폴더가 클래스마다 하나)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="289"/>
        <source>Evaluating on {folder}…</source>
        <translation>{folder}(으)로 평가 중…</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="294"/>
        <source>{done}/{total} images</source>
        <translation>이미지 {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="302"/>
        <source>{n} images: top-1 accuracy {a1:.1f}%, top-{k} accuracy {ak:.1f}%</source>
        <translation>이미지 {n}개: Top-1 정확도 {a1:.1f}%, Top-{k} 정확도 {ak:.1f}%</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="326"/>
        <source>{c}: precision {p:.0f}%, recall {r:.0f}%, F1 {f1:.2f} ({n} images)</source>
        <translation>{c}: 정밀도 {p:.0f}%, 재현율 {r:.0f}%, F1 {f1:.2f} (이미지 {n}개)</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="306"/>
        <source>Skipped folders (no class of the model): {names}</source>
        <translation>건너뛴 폴더 (모델에 없는 클래스): {names}</translation>
    </message>
    <message>
        <location filename="../../gui/tabs/teach/results_pane.py" line="309"/>
        <source>Evaluation done: click a cell to see its images, an image to see its CAM.</source>
        <translation>평가 완료: 칸을 클릭하면 이미지가, 이미지를 클릭하면 CAM이 보입니다.</translation>
    </message>
</context>
<context>
    <name>UnknownCurveView</name>
    <message>
        <location filename="../../gui/charts.py" line="251"/>
        <source>false accepts (%)</source>
        <translation>오수락 (%)</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="252"/>
        <source>right kept (%)</source>
        <translation>남는 맞는 답 (%)</translation>
    </message>
</context>
</TS>
